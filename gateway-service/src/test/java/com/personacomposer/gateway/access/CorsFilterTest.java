package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CorsFilterTest {

    private static final String APP = "https://app.example.com";
    /** Absolute, as a server sees it: Spring decides what is cross-origin from the request's scheme, host and port. */
    private static final String API = "http://api.example.com";

    private final WebTestClient client = AccessFixture.clientWith(
            new CorsFilter(new CorsProperties(List.of(APP, " https://*.partner.example ", ""), Duration.ofHours(1))),
            AccessFixture.callersByKey("key-a"));

    @Test
    void aConfiguredOriginMayReadAndSeesTheHeadersItNeeds() {
        client.get().uri(API + "/api/personas").header(HttpHeaders.ORIGIN, APP).header(HttpHeaders.HOST, "api.example.com")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("Location", "Preference-Applied", "Retry-After", "WWW-Authenticate"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void aPreflightForCreatingWithAKeyIsAnswered() {
        client.options().uri(API + "/api/personas")
                .header(HttpHeaders.ORIGIN, "https://shop.partner.example").header(HttpHeaders.HOST, "api.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-api-key, idempotency-key, prefer")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.partner.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("x-api-key", "idempotency-key", "prefer"))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                .expectBody().isEmpty();
    }

    @Test
    void aRefusalOfAnAllowedOriginCarriesTheCorsHeadersSoThePageCanReadIt() {
        client.post().uri(API + "/api/personas").header(HttpHeaders.ORIGIN, APP).header(HttpHeaders.HOST, "api.example.com")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, https://evil.example", "POST, https://evil.example", "GET, null",
            "GET, http://app.example.com", "GET, https://app.example.com.evil.example"})
    void anyOtherOriginIsRefusedWith403Problem(String method, String origin) {
        client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(API + "/api/personas")
                .header(HttpHeaders.ORIGIN, origin).header(HttpHeaders.HOST, "api.example.com")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aPreflightOfAnotherOriginOrForAnotherMethodIsRefused() {
        client.options().uri(API + "/api/personas").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.HOST, "api.example.com").header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden();
        client.options().uri(API + "/api/personas/ada").header(HttpHeaders.ORIGIN, APP)
                .header(HttpHeaders.HOST, "api.example.com").header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .exchange().expectStatus().isForbidden();
    }

    @ParameterizedTest(name = "Origin {0}, Host {1}")
    @CsvSource({"http://localhost:8080, localhost:8080", "https://persona.example.com, persona.example.com",
            "https://Persona.Example.com, persona.example.com"})
    void theGatewaysOwnPagePassesWithoutOriginsConfiguredEvenBehindATlsProxy(String origin, String host) {
        WebTestClient sameOriginOnly = AccessFixture.clientWith(
                new CorsFilter(new CorsProperties(List.of(), Duration.ofHours(1))));

        sameOriginOnly.post().uri(API + "/api/personas").header(HttpHeaders.ORIGIN, origin).header(HttpHeaders.HOST, host)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        sameOriginOnly.get().uri(API + "/api/personas").header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.HOST, host)
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void onlyTheApiIsConcerned() {
        client.get().uri(API + "/index.html").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.HOST, "api.example.com")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
