package com.personacomposer.gateway.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import com.personacomposer.gateway.testing.RequestedEvents;
import com.personacomposer.kit.testing.InTurn;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class PersonaRequestsIT extends GatewayIntegrationSupport {

    private static final RequestedEvents EVENTS = new RequestedEvents();
    /** persona-service's answer to a new request record: the path's requestId and what was recorded. */
    @AfterAll
    static void closeConsumer() {
        EVENTS.close();
    }

    @Test
    void aNewNameIsRecordedPublishedAndAccepted() {
        PersonaName name = PersonaName.of(uniqueName("Zoë"));
        personaServiceRecordsRequests();

        JsonNode body = createPersona("{\"name\": \"" + name.displayName() + "\", \"description\": \"likes\\nhats\","
                + " \"mottoTone\": \"sombre\", \"model\": \"openjourney\", \"unknown\": 1}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String requestId = body.path("requestId").asString();
        assertThat(body.path("personaName").asString()).isEqualTo(name.displayName());
        assertThat(body.path("slug").asString()).isEqualTo(name.slug());
        assertThat(body.path("status").asString()).isEqualTo("PENDING");
        BACKEND.verify(putRequestedFor(urlPathEqualTo("/internal/requests/" + requestId))
                .withRequestBody(matchingJsonPath("$.personaKey", equalTo(name.key())))
                .withRequestBody(matchingJsonPath("$.mottoTone", equalTo("sombre")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("openjourney"))));
        BACKEND.verify(0, getRequestedFor(urlPathEqualTo("/api/personas/" + encoded(name.slug()))));

        var record = EVENTS.await(r -> r.value().requestId().toString().equals(requestId), Duration.ofSeconds(20));
        assertThat(record.key()).isEqualTo(name.key());
        assertThat(record.value()).isInstanceOfSatisfying(PersonaRequested.class, event -> {
            assertThat(event.personaKey()).isEqualTo(name.key());
            assertThat(event.personaName()).isEqualTo(name.displayName());
            assertThat(event.slug()).isEqualTo(name.slug());
            assertThat(event.description()).isEqualTo("likes\nhats");
            assertThat(event.mottoTone()).isEqualTo(MottoTone.SOMBRE);
            assertThat(event.model()).isEqualTo(ImageModel.OPENJOURNEY);
        });
    }

    @Test
    void theLocationOfA202IsTheRequestsStatus() {
        personaServiceRecordsRequests();

        createPersona("{\"name\": \"" + uniqueName("Ada") + "\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location).matches("/api/requests/[0-9a-f-]{36}"));
    }

    @Test
    void anExistingPersonaIsAnsweredAsItIsAndNothingIsPublished() {
        PersonaName name = PersonaName.of(uniqueName("O'Brien"));
        String persona = "{\"name\":\"" + name.displayName() + "\",\"slug\":\"" + name.slug() + "\",\"images\":[]}";
        personaServiceRecordsRequests();
        BACKEND.stubFor(put(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(matchingJsonPath("$.slug", equalTo(name.slug())))
                .withRequestBody(matchingJsonPath("$.unlessPersonaExists", equalTo("true")))
                .willReturn(okJson(persona).withHeader("Content-Location", "/api/personas/" + name.slug())));

        createPersona("{\"name\": \"" + name.displayName() + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(persona);

        BACKEND.verify(1, putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(matchingJsonPath("$.slug", equalTo(name.slug()))));
        assertThat(EVENTS.withKey(name.key(), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void forceGeneratesForAnExistingPersona() {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/" + name.slug())).willReturn(okJson("{}")));
        personaServiceRecordsRequests();

        String requestId = createPersona("{\"name\": \"" + name.displayName() + "\", \"force\": true}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("requestId").asString();

        BACKEND.verify(putRequestedFor(urlPathEqualTo("/internal/requests/" + requestId))
                .withRequestBody(matchingJsonPath("$.unlessPersonaExists", equalTo("false"))));
        EVENTS.await(r -> r.value().requestId().toString().equals(requestId), Duration.ofSeconds(20));
    }

    @Test
    void aKnownIdempotencyKeyAnswersTheEarlierRequestWithoutPublishing() {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        UUID earlier = UUID.randomUUID();
        BACKEND.stubFor(put(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(matchingJsonPath("$.idempotencyKey", equalTo("retry-" + earlier)))
                .willReturn(okJson("{\"requestId\":\"" + earlier + "\",\"personaName\":\"" + name.displayName()
                        + "\",\"slug\":\"" + name.slug() + "\",\"status\":\"PENDING\"}")));

        createPersona("{\"name\": \"" + name.displayName() + "\"}")
                .header("Idempotency-Key", "retry-" + earlier)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/requests/" + earlier)
                .expectBody().jsonPath("$.requestId").isEqualTo(earlier.toString());

        assertThat(EVENTS.withKey(name.key(), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void invalidFieldsAre400ProblemsNamingEachField() {
        createPersona("{\"name\": {\"$gt\": \"\"}, \"description\": \"" + "d".repeat(801) + "\", \"mottoTone\": \"loud\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Bad Request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("name", "description", "mottoTone"))
                .jsonPath("$.errors[0].message").isEqualTo("must be a string, not an object");
    }

    @Test
    void malformedJsonIsA400Problem() {
        createPersona("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("Malformed JSON"));
    }

    @Test
    void aBodyOver64KibIsA413Problem() {
        createPersona("{\"name\": \"Ada\", \"filler\": \"" + "x".repeat(64 * 1024) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.errors").isArray();
    }

    @Test
    void preferWaitAnswers201WithThePersonaWhenTheRequestCompletes() {
        PersonaName name = PersonaName.of(uniqueName("Zoë"));
        String persona = "{\"name\":\"" + name.displayName() + "\",\"slug\":\"" + name.slug() + "\",\"images\":[{\"id\":\"i1\"}]}";
        personaServiceRecordsRequests();
        requestStatuses(name, "PENDING", "PENDING", "COMPLETED");
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/" + encoded(name.slug()))).willReturn(okJson(persona)));

        waiting().post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Prefer", "wait=10")
                .bodyValue("{\"name\": \"" + name.displayName() + "\", \"force\": true}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/personas/" + encoded(name.slug()))
                .expectHeader().valueEquals("Preference-Applied", "wait=10")
                .expectBody(String.class).isEqualTo(persona);
    }

    @Test
    void preferWaitAnswers202WhenTheTimeRunsOut() {
        PersonaName name = PersonaName.of(uniqueName("Ada"));
        personaServiceRecordsRequests();
        requestStatuses(name, "PENDING");

        waiting().post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Prefer", "wait=1")
                .bodyValue("{\"name\": \"" + name.displayName() + "\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Preference-Applied", "wait=1")
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
    }

    private WebTestClient waiting() {
        return client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    /**
     * The retry of a create the gateway gave up on: persona-service may have recorded (and charged) the first attempt
     * after the gateway stopped waiting, so each attempt carries the client's key, and the retry is answered with the
     * first attempt's request (persona-service charges it once: its QuotaApiIT).
     */
    @Test
    void aCreateThatTimedOutIsRetriedWithTheSameIdempotencyKeyAndAnsweredWithTheFirstRequest() {
        PersonaName name = PersonaName.of(uniqueName("Slow Sal"));
        UUID first = UUID.randomUUID();
        InTurn.stub(BACKEND, () -> put(urlPathMatching("/internal/requests/.*")),
                aResponse().withStatus(201).withFixedDelay(7_000).withHeader("Content-Type", "application/json")
                        .withBody(Backends.RECORDED).withTransformers("response-template"),
                okJson("{\"requestId\":\"" + first + "\",\"personaName\":\"" + name.displayName()
                        + "\",\"slug\":\"" + name.slug() + "\",\"status\":\"PENDING\"}"));
        WebTestClient patient = client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        String create = "{\"name\": \"" + name.displayName() + "\", \"model\": \"dall-e\"}";

        patient.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "form-7")
                .bodyValue(create).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        patient.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "form-7")
                .bodyValue(create).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.requestId").isEqualTo(first.toString());

        BACKEND.verify(2, putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(matchingJsonPath("$.idempotencyKey", equalTo("form-7"))));
    }

    private static String encoded(String slug) {
        return org.springframework.web.util.UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
