package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ApiKeyFilterTest {

    private static final String KEY = "k-3f9a8c7e1b";
    private static final String OTHER_KEY = "k-other-7d2e";

    private final WebTestClient client = AccessFixture.clientWith(
            new ApiKeyFilter(new ApiKeyProperties(List.of(" " + KEY, OTHER_KEY + " ", ""))));

    @Test
    void withoutKeysConfiguredEverythingIsOpen() {
        WebTestClient open = AccessFixture.clientWith(new ApiKeyFilter(new ApiKeyProperties(List.of())));

        open.post().uri("/api/personas").exchange().expectStatus().isOk();
        open.post().uri("/api/personas/ada/images/i1/votes").exchange().expectStatus().isOk();
    }

    @Test
    void anyConfiguredKeyIsAcceptedAsBearerOrXApiKey() {
        client.post().uri("/api/personas").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
                .exchange().expectStatus().isOk();
        client.post().uri("/api/personas").header(HttpHeaders.AUTHORIZATION, "bearer  " + OTHER_KEY)
                .exchange().expectStatus().isOk();
        client.post().uri("/api/personas/ada/images/i1/votes").header("X-API-Key", KEY)
                .exchange().expectStatus().isOk();
    }

    @Test
    void aMissingKeyIs401WithAChallenge() {
        client.post().uri("/api/personas").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("X-API-Key"))
                .jsonPath("$.errors").isArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer " + KEY + "x", "Basic " + KEY, "Bearer", "Bearer  ", KEY})
    void aWrongOrMalformedAuthorizationIs401(String authorization) {
        client.post().uri("/api/personas/ada/images/i1/votes").header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void aWrongXApiKeyWinsOverARightBearer() {
        client.post().uri("/api/personas").header("X-API-Key", "wrong").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"persona-composer\", error=\"invalid_token\"");
    }

    @Test
    void everyMethodThatChangesSomethingNeedsAKeyWhateverThePath() {
        client.put().uri("/api/personas/ada").exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/personas/ada").exchange().expectStatus().isUnauthorized();
        client.patch().uri("/api/personas;x=y").exchange().expectStatus().isUnauthorized();
        client.post().uri("//api/personas/").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void readsStayOpen() {
        client.get().uri("/api/personas").exchange().expectStatus().isOk();
        client.head().uri("/api/personas/ada").exchange().expectStatus().isOk();
        client.options().uri("/api/personas").exchange().expectStatus().isOk();
    }

    @Test
    void theKeyIsNotHandedOnAndNamesTheClientByFingerprintOnly() {
        String seen = client.post().uri("/api/personas/ada/images/i1/votes")
                .header("X-API-Key", KEY).header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(seen).doesNotContain(KEY).doesNotContainIgnoringCase("x-api-key").doesNotContainIgnoringCase("authorization")
                .contains("\"client\":\"key " + ApiKeys.fingerprint(KEY) + "\"");
    }

    @Test
    void keysNeverShowInTheProperties() {
        assertThat(new ApiKeyProperties(List.of(KEY, OTHER_KEY))).hasToString("ApiKeyProperties[2 api keys]");
    }
}
