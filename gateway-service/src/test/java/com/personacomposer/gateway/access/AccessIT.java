package com.personacomposer.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.EventCodec;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import com.personacomposer.gateway.testing.RequestedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** The gateway with API keys configured: who may change things, and what is kept from whom. */
@TestPropertySource(properties = {"PERSONA_API_KEYS=" + AccessIT.KEY + "," + AccessIT.SECOND_KEY + "," + AccessIT.LIMITED_KEY
        + "," + AccessIT.PADDED_KEY + ",ops=" + AccessIT.NAMED_PADDED_KEY + ",",
        "PERSONA_RATE_LIMIT_PER_MINUTE=2", "PERSONA_RATE_LIMIT_BURST=3",
        "PERSONA_VOTE_RATE_LIMIT_PER_MINUTE=2", "PERSONA_VOTE_RATE_LIMIT_BURST=3",
        "PERSONA_CANCEL_RATE_LIMIT_PER_MINUTE=2", "PERSONA_CANCEL_RATE_LIMIT_BURST=3", "PERSONA_CORS_ORIGINS=" + AccessIT.APP})
@ExtendWith(OutputCaptureExtension.class)
class AccessIT extends GatewayIntegrationSupport {

    static final String KEY = "it-key-6c0f41d2a9e3";
    static final String SECOND_KEY = "it-key-second-18b7";
    static final String LIMITED_KEY = "it-key-limited-5e21";
    /** As {@code openssl rand -base64 16} prints keys: padded with '='. */
    static final String PADDED_KEY = "q8Jx0bW2kYc3N1vZ5rT7uA==";
    static final String NAMED_PADDED_KEY = "Hf3LmQ9pZ2xR7sKd1wVb8g==";
    static final String APP = "https://app.example.com";
    private static final String WRONG_KEY = "it-wrong-key-90ad55";
    private static final RequestedEvents EVENTS = new RequestedEvents();
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    @LocalServerPort
    int port;

    @AfterAll
    static void closeConsumer() {
        EVENTS.close();
    }

    @Test
    void withoutAKeyNothingPaidIsCreatedNothingIsVotedAndReadsStayOpen() {
        createPersona("{\"name\": \"" + uniqueName("Ada") + "\", \"model\": \"openjourney\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.errors").isArray()
                .consumeWith(CONTRACT::assertResponse);
        client.post().uri("/api/personas/ada/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .header("X-API-Key", WRONG_KEY)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().consumeWith(CONTRACT::assertResponse);
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"next\":null}")));

        client.get().uri("/api/personas").exchange().expectStatus().isOk();
        BACKEND.verify(0, putRequestedFor(urlPathMatching("/internal/requests/.*")));
        BACKEND.verify(0, postRequestedFor(urlPathMatching("/api/personas/.*")));
    }

    @Test
    void aKeyIsNeitherLoggedNorPublishedNorHandedOn(CapturedOutput output) {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        personaServiceRecordsRequests();
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .willReturn(okJson("{\"imageId\":\"img-1\",\"upvotes\":1,\"downvotes\":0}")));

        createPersona("{\"name\": \"" + name.displayName() + "\"}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + WRONG_KEY)
                .exchange()
                .expectStatus().isUnauthorized();
        String requestId = createPersona("{\"name\": \"" + name.displayName() + "\", \"description\": \"keeps secrets\"}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .path("requestId").asString();
        client.post().uri("/api/personas/ada/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .header("X-API-Key", SECOND_KEY)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.upvotes").isEqualTo(1);

        var event = EVENTS.await(r -> r.value().requestId().toString().equals(requestId), Duration.ofSeconds(20));
        assertThat(new String(EventCodec.toJson(event.value()), StandardCharsets.UTF_8)).doesNotContain(KEY);
        event.headers().forEach(header -> assertThat(new String(header.value())).doesNotContain(KEY));
        BACKEND.verify(putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withHeader(HttpHeaders.AUTHORIZATION, absent()).withHeader("X-API-Key", absent()));
        BACKEND.verify(postRequestedFor(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .withHeader(HttpHeaders.AUTHORIZATION, absent()).withHeader("X-API-Key", absent()));
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECOND_KEY).doesNotContain(WRONG_KEY)
                .doesNotContain(PADDED_KEY).doesNotContain(NAMED_PADDED_KEY);
    }

    @Test
    void aPaddedBase64KeyWorksWholeANamedOneByItsNameAndPaddingAloneIsNoKey() {
        String votes = "/api/personas/ada/images/img-4/votes";
        BACKEND.stubFor(post(urlPathEqualTo(votes)).willReturn(okJson(Backends.votes("img-4", 1, 0, "up"))));

        for (String notAKey : new String[] {"=", "==", PADDED_KEY.replace("=", ""), "ops", "ops=" + NAMED_PADDED_KEY}) {
            client.post().uri(votes).contentType(MediaType.APPLICATION_JSON).header("X-API-Key", notAKey)
                    .bodyValue("{\"direction\":\"up\"}").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                            "Bearer realm=\"persona-composer\", error=\"invalid_token\"")
                    .expectBody().consumeWith(CONTRACT::assertResponse);
        }
        BACKEND.verify(0, postRequestedFor(urlPathEqualTo(votes)));
        for (String key : new String[] {PADDED_KEY, NAMED_PADDED_KEY}) {
            client.post().uri(votes).contentType(MediaType.APPLICATION_JSON).header("X-API-Key", key)
                    .bodyValue("{\"direction\":\"up\"}").exchange()
                    .expectStatus().isOk();
        }

        BACKEND.verify(postRequestedFor(urlPathEqualTo(votes)).withHeader("X-Persona-Principal", matching("key:[0-9a-f]{16}")));
        BACKEND.verify(postRequestedFor(urlPathEqualTo(votes)).withHeader("X-Persona-Principal", equalTo("key:ops"))
                .withHeader("X-Persona-Principal-Name", equalTo("ops")));
        for (var seen : BACKEND.findAll(postRequestedFor(urlPathEqualTo(votes)))) {
            assertThat(seen.getHeaders().all().toString()).doesNotContain(PADDED_KEY.substring(0, 8))
                    .doesNotContain(NAMED_PADDED_KEY.substring(0, 8));
        }
    }

    @Test
    void aClientOverTheLimitGets429WithRetryAfterAndNothingIsRecorded() {
        personaServiceRecordsRequests();
        for (int i = 0; i < 3; i++) {
            create(LIMITED_KEY).expectStatus().isAccepted();
        }

        create(LIMITED_KEY)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30))
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.errors").isArray()
                .consumeWith(CONTRACT::assertResponse);
        BACKEND.verify(3, putRequestedFor(urlPathMatching("/internal/requests/.*")));
        create(SECOND_KEY).expectStatus().isAccepted();
    }

    @Test
    void aPrincipalVotingTooOftenGets429WithRetryAfterWhileAnotherStillVotes() {
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-2/votes"))
                .willReturn(okJson(Backends.votes("img-2", 1, 0, "up"))));
        BACKEND.stubFor(delete(urlPathEqualTo("/api/personas/ada/images/img-2/votes"))
                .willReturn(okJson(Backends.votes("img-2", 0, 0, null))));
        vote(LIMITED_KEY).expectStatus().isOk();
        client.delete().uri("/api/personas/ada/images/img-2/votes").header("X-API-Key", LIMITED_KEY)
                .exchange().expectStatus().isOk();
        vote(LIMITED_KEY).expectStatus().isOk();

        vote(LIMITED_KEY)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30))
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).startsWith("Too many votes"))
                .consumeWith(CONTRACT::assertResponse);
        BACKEND.verify(2, postRequestedFor(urlPathEqualTo("/api/personas/ada/images/img-2/votes")));
        vote(KEY).expectStatus().isOk();
    }

    @Test
    void aClientCancelingTooOftenGets429WithRetryAfterWhileAnotherStillCancels() {
        String requestId = java.util.UUID.randomUUID().toString();
        String cancel = "/api/requests/" + requestId + "/cancel";
        BACKEND.stubFor(post(urlPathEqualTo(cancel)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(Backends.canceled(requestId, "Ada", "ada"))));
        for (int i = 0; i < 3; i++) {
            client.post().uri(cancel).header("X-API-Key", LIMITED_KEY).exchange().expectStatus().isAccepted();
        }

        client.post().uri(cancel).header("X-API-Key", LIMITED_KEY).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30))
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("Too many cancels"))
                .consumeWith(CONTRACT::assertResponse);
        BACKEND.verify(3, postRequestedFor(urlPathEqualTo(cancel)));
        client.post().uri(cancel).header("X-API-Key", SECOND_KEY).exchange().expectStatus().isAccepted();
    }

    @Test
    void deletingAnImageNeedsAKeyAndPersonaServicesAnswersAreTheDocumentedOnes() {
        String image = "/api/personas/ada/images/img-3";
        client.delete().uri(image).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody().consumeWith(CONTRACT::assertResponse);
        BACKEND.verify(0, deleteRequestedFor(urlPathEqualTo(image)));

        BACKEND.stubFor(delete(urlPathEqualTo(image)).willReturn(aResponse().withStatus(204)));
        client.delete().uri(image).header("X-API-Key", KEY).exchange()
                .expectStatus().isNoContent().expectBody().consumeWith(CONTRACT::assertResponse);
        for (int status : new int[] {403, 404}) {
            BACKEND.stubFor(delete(urlPathEqualTo(image)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"type\":\"about:blank\",\"title\":\"No\",\"status\":" + status
                            + ",\"detail\":\"only its creator or an admin may delete image img-3\",\"errors\":[]}")));
            client.delete().uri(image).header("X-API-Key", KEY).exchange()
                    .expectStatus().isEqualTo(status).expectBody().consumeWith(CONTRACT::assertResponse);
        }
        BACKEND.verify(3, deleteRequestedFor(urlPathEqualTo(image)).withHeader("X-Persona-Principal", matching("key:.+")));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec vote(String key) {
        return client.post().uri("/api/personas/ada/images/img-2/votes").contentType(MediaType.APPLICATION_JSON)
                .header("X-API-Key", key)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange();
    }

    /** These refusals are part of the public API too: they must match the OpenAPI document. */
    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(String key) {
        return createPersona("{\"name\": \"" + uniqueName("Ada") + "\"}")
                .header("X-API-Key", key)
                .exchange();
    }

    @Test
    void aConfiguredOriginMayCallTheApiAndNoOtherMay() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"next\":null}")));

        client.options().uri("/api/personas/ada/images/img-1/votes")
                .header(HttpHeaders.ORIGIN, APP)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP);
        client.get().uri("/api/personas").header(HttpHeaders.ORIGIN, APP)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP);
        client.get().uri("/api/personas").header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().consumeWith(CONTRACT::assertResponse);
    }

    @Test
    void theGatewaysOwnPageIsNotCrossOrigin() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"next\":null}")));

        client.get().uri("/api/personas").header(HttpHeaders.ORIGIN, "http://localhost:" + port)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
