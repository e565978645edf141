package com.personacomposer.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.gateway.access.ModelAccess;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientResponse;
import tools.jackson.databind.JsonNode;

class CreatePersonaHandlerTest {

    private final HandlerFixture fixture = new HandlerFixture();

    @Test
    void recordsPublishesAndAnswers202ForANewName() {
        JsonNode body = post("{\"name\": \" Zoë  Smith \", \"description\": \"tall\", \"mottoTone\": \"comical\", \"model\": \"dall-e\"}")
                .expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/requests/"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String requestId = body.path("requestId").asString();
        assertThat(body.path("personaName").asString()).isEqualTo("Zoë Smith");
        assertThat(body.path("slug").asString()).isEqualTo("zoë-smith");
        assertThat(body.path("status").asString()).isEqualTo("PENDING");
        assertThat(fixture.personaService.calls).as("one call to persona-service")
                .containsExactly("PUT /internal/requests/" + requestId);
        assertThat(fixture.personaService.records).singleElement().satisfies(record -> {
            assertThat(record.path("personaKey").asString()).isEqualTo("zoë smith");
            assertThat(record.path("mottoTone").asString()).isEqualTo("comical");
            assertThat(record.path("model").asString()).isEqualTo("dall-e");
            assertThat(record.has("idempotencyKey")).isFalse();
            assertThat(record.path("unlessPersonaExists").asBoolean()).isTrue();
            assertThat(record.has("webhook")).as("no webhook asked for, none sent").isFalse();
        });
        assertThat(fixture.published).singleElement().isInstanceOfSatisfying(PersonaRequested.class, event -> {
            assertThat(event.requestId()).hasToString(requestId);
            assertThat(event.personaKey()).isEqualTo("zoë smith");
            assertThat(event.personaName()).isEqualTo("Zoë Smith");
            assertThat(event.slug()).isEqualTo("zoë-smith");
            assertThat(event.description()).isEqualTo("tall");
            assertThat(event.mottoTone()).isEqualTo(MottoTone.COMICAL);
            assertThat(event.model()).isEqualTo(ImageModel.DALL_E);
        });
    }

    @Test
    void answersAnExistingPersonaAsItIsWithoutGenerating() {
        String persona = "{\"name\":\"Ada\",\"slug\":\"ada\",\"images\":[{\"id\":\"i1\"}]}";
        fixture.personaService.personas.put("ada", persona);

        post("{\"name\": \"ADA\"}")
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(persona);

        assertThat(fixture.personaService.calls).singleElement().asString().startsWith("PUT /internal/requests/");
        assertThat(fixture.personaService.records).isEmpty();
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void forceGeneratesAgainForAnExistingPersona() {
        fixture.personaService.personas.put("ada", "{}");

        post("{\"name\": \"Ada\", \"force\": true}").expectStatus().isAccepted();

        assertThat(fixture.personaService.records).singleElement()
                .satisfies(record -> assertThat(record.path("unlessPersonaExists").asBoolean()).isFalse());
        assertThat(fixture.published).hasSize(1);
    }

    @Test
    void aKnownIdempotencyKeyAnswersTheEarlierRequestAndPublishesNothing() {
        UUID earlier = UUID.randomUUID();
        fixture.personaService.knownRequestId = earlier;

        fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "form-42")
                .bodyValue("{\"name\": \"Ada\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/requests/" + earlier)
                .expectBody().jsonPath("$.requestId").isEqualTo(earlier.toString());

        assertThat(fixture.personaService.records).singleElement()
                .satisfies(record -> assertThat(record.path("idempotencyKey").asString()).isEqualTo("form-42"));
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void aUsedUpQuotaIsPersonaServices429WithItsRetryAfterAndNothingIsPublished() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"You have started your 25 requests with paid models today (UTC)\",\"errors\":[]}";
        fixture.personaService.intakeRefusal = ClientResponse.create(HttpStatus.TOO_MANY_REQUESTS)
                .header("Content-Type", "application/problem+json")
                .header("Retry-After", "3600")
                .body(problem)
                .build();

        post("{\"name\": \"Ada\", \"model\": \"dall-e\"}")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("Retry-After", "3600")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json(problem);
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBodyIsPersonaServices422() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
                + "\"errors\":[{\"field\":\"Idempotency-Key\",\"message\":\"was sent before with another request body\"}]}";
        fixture.personaService.intakeRefusal = ClientResponse.create(HttpStatus.UNPROCESSABLE_CONTENT)
                .header("Content-Type", "application/problem+json")
                .body(problem)
                .build();

        fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "form-42")
                .bodyValue("{\"name\": \"Ada\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().doesNotExist("Retry-After")
                .expectBody().json(problem);
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void acceptsABodyOfExactly64KibAndRefusesOneByteMore() {
        post(padded(64 * 1024)).expectStatus().isAccepted();

        problem(post(padded(64 * 1024 + 1)), HttpStatus.CONTENT_TOO_LARGE);
        assertThat(fixture.published).hasSize(1);
    }

    @Test
    void refusesALargeBodySentWithoutContentLength() {
        byte[] large = padded(100 * 1024).getBytes(StandardCharsets.UTF_8);
        var response = fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .body(reactor.core.publisher.Flux.just(
                        org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(large)),
                        org.springframework.core.io.buffer.DataBuffer.class)
                .exchange();

        problem(response, HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void malformedJsonIsA400Problem() {
        JsonNode problem = problem(post("{\"name\": \"Ada\""), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asString()).startsWith("Malformed JSON");
        assertThat(problem.path("errors").isArray()).isTrue();
    }

    @Test
    void duplicateFieldsAreMalformed() {
        problem(post("{\"name\": \"Ada\", \"name\": {\"$gt\": \"\"}}"), HttpStatus.BAD_REQUEST);
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400Problem() {
        problem(post("[{\"name\": \"Ada\"}]"), HttpStatus.BAD_REQUEST);
        problem(post("\"Ada\""), HttpStatus.BAD_REQUEST);
        problem(post(""), HttpStatus.BAD_REQUEST);
    }

    @Test
    void invalidFieldsAreListed() {
        JsonNode problem = problem(post("{\"name\": 5, \"force\": \"yes\"}"), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("name", "force");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        problem(fixture.client.post().uri("/api/personas").contentType(MediaType.TEXT_PLAIN).bodyValue("name=Ada").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anIdempotencyKeyOfThe200CharactersPersonaServiceKeepsIsAccepted() {
        fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "x".repeat(200)).bodyValue("{\"name\": \"Ada\"}").exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void aMalformedIdempotencyKeyIsA400Problem() {
        JsonNode problem = problem(fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "x".repeat(201)).bodyValue("{\"name\": \"Ada\"}").exchange(),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
    }

    @Test
    void anUnreachablePersonaServiceIs503AndNothingIsPublished() {
        HandlerFixture unreachable = new HandlerFixture("http://127.0.0.1:1");

        problem(unreachable.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Ada\"}").exchange(), HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(unreachable.published).isEmpty();
    }

    @Test
    void aFailedPublishIsStillAcceptedSincePersonaServicePublishesWhatItRecorded() {
        fixture.publishFailure = new IllegalStateException("broker away");

        post("{\"name\": \"Ada\"}").expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void preferWaitAnswers201WithThePersonaOnceTheRequestCompletes() {
        String persona = "{\"name\":\"Ada\",\"slug\":\"ada\",\"images\":[{\"id\":\"i1\"}]}";
        UUID any = UUID.randomUUID();
        fixture.personaService.statuses.add(StubPersonaService.status(any, "ada", "PENDING"));
        fixture.personaService.statuses.add(StubPersonaService.status(any, "ada", "COMPLETED"));
        fixture.personaService.personas.put("ada", persona);

        fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Prefer", "respond-async, wait=600")
                .bodyValue("{\"name\": \"Ada\", \"force\": true}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/personas/ada")
                .expectHeader().valueEquals("Preference-Applied", "wait=60")
                .expectBody(String.class).isEqualTo(persona);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAILED", "CANCELED"})
    void preferWaitAnswers202WithTheStatusWhenTheRequestFailsOrIsCanceled(String end) {
        fixture.personaService.statuses.add(StubPersonaService.status(UUID.randomUUID(), "ada", "PENDING"));
        fixture.personaService.statuses.add(StubPersonaService.status(UUID.randomUUID(), "ada", end));

        fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Prefer", "wait=5")
                .bodyValue("{\"name\": \"Ada\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Preference-Applied", "wait=5")
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/requests/"))
                .expectBody().jsonPath("$.status").isEqualTo(end);
    }

    @Test
    void anAnonymousCallerAskingForAWebhookIs401EvenOnAnOpenServerAndNothingIsRecorded() {
        JsonNode problem = problem(post("{\"name\": \"Ada\", \"webhook\": \"https://hooks.example.com/p\"}")
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\""),
                HttpStatus.UNAUTHORIZED);

        assertThat(problem.path("detail").asString()).contains("webhook");
        assertThat(fixture.personaService.calls).isEmpty();
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void preferWaitAnswers202WhenTheTimeRunsOut() {
        fixture.personaService.statuses.add(StubPersonaService.status(UUID.randomUUID(), "ada", "PENDING"));

        fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .header("Prefer", "wait=1")
                .bodyValue("{\"name\": \"Ada\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Preference-Applied", "wait=1")
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
    }

    @Test
    void anAnonymousCallerAskingForAModelOutsideTheAnonymousOnesIs401WithABearerChallengeAndNothingIsRecorded() {
        HandlerFixture closed = new HandlerFixture(new ModelAccess(false, List.of("local")));

        JsonNode problem = problem(closed.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Ada\", \"model\": \"dall-e\"}").exchange()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\""),
                HttpStatus.UNAUTHORIZED);
        assertThat(problem.path("detail").asString()).contains("dall-e").contains("use local");
        assertThat(closed.personaService.calls).isEmpty();
        assertThat(closed.published).isEmpty();

        closed.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Ada\"}").exchange()
                .expectStatus().isAccepted();
    }

    private WebTestClient.ResponseSpec post(String json) {
        return fixture.client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        EntityExchangeResult<JsonNode> result = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult();
        JsonNode problem = result.getResponseBody();
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("type").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("errors").isArray()).isTrue();
        return problem;
    }

    /** A valid body of exactly {@code size} bytes: a name and an ignored filler field. */
    private static String padded(int size) {
        String start = "{\"name\": \"Ada\", \"filler\": \"";
        String end = "\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }
}
