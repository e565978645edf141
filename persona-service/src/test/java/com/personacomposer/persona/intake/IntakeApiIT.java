package com.personacomposer.persona.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The gateway's intake call (PUT /internal/requests/{id}) over HTTP: recording, idempotency, refusals. */
class IntakeApiIT extends ServiceTestSupport {

    @Autowired
    MongoDatabase database;

    @Test
    void recordingARequestIsIdempotentAndAnIdempotencyKeyAnswersWithTheFirstRequest() {
        UUID requestId = UUID.randomUUID();
        Map<String, Object> body = record(unique("Idem Ida"), "ik-" + UUID.randomUUID());

        Pipeline.Response created = pipeline.put("/internal/requests/" + requestId, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/requests/" + requestId);
        JsonNode status = created.json();
        assertThat(status.path("requestId").asString()).isEqualTo(requestId.toString());
        assertThat(status.path("personaName").asString()).isEqualTo(body.get("personaName"));
        assertThat(status.path("slug").asString()).isEqualTo(body.get("slug"));
        assertThat(status.path("status").asString()).isEqualTo("PENDING");
        assertThat(status.path("stages").path("image").asString()).isEqualTo("PENDING");
        assertThat(status.has("error")).isFalse();

        Pipeline.Response again = pipeline.put("/internal/requests/" + requestId, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("requestId").asString()).isEqualTo(requestId.toString());

        UUID retryId = UUID.randomUUID();
        Pipeline.Response retried = pipeline.put("/internal/requests/" + retryId, body);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("requestId").asString()).isEqualTo(requestId.toString());
        assertProblem(pipeline.get("/api/requests/" + retryId), 404);

        assertThat(pipeline.get("/api/requests/" + requestId).json().path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void theImageRecordsThePrincipalTheGatewayForwarded() {
        UUID requestId = UUID.randomUUID();
        String name = unique("Owned Olive");
        assertThat(pipeline.put("/internal/requests/" + requestId, record(name, null),
                Map.of("X-Persona-Principal", "user:olive-sub")).status()).isEqualTo(201);
        PersonaName persona = PersonaName.of(name);
        PersonaRequested requested = PersonaRequested.of(requestId, persona.key(), persona.displayName(),
                persona.slug(), "", MottoTone.NEUTRAL, ImageModel.LOCAL);

        pipeline.publish(requested, store(requested, png("owned")), motto(requested, "Mine."));
        awaitStatus(requestId, "COMPLETED");

        assertThat(database.getCollection("images").find(new Document("requestId", requestId.toString())).first()
                .getString("createdBy")).isEqualTo("user:olive-sub");
    }

    @Test
    void unlessPersonaExistsAnExistingPersonaIsAnsweredAndNothingIsRecorded() {
        PersonaRequested existing = createImage(unique("Known Kit"), "", MottoTone.NEUTRAL, "Been here.");
        Map<String, Object> again = record(existing.personaName(), null);
        again.put("unlessPersonaExists", true);
        UUID requestId = UUID.randomUUID();

        Pipeline.Response answered = pipeline.put("/internal/requests/" + requestId, again);

        assertThat(answered.status()).isEqualTo(200);
        String personaPath = "/api/personas/" + Pipeline.segment(existing.slug());
        assertThat(answered.contentLocation()).isEqualTo(personaPath);
        assertThat(answered.json().path("slug").asString()).isEqualTo(existing.slug());
        assertThat(answered.json().path("images")).hasSize(1);
        assertProblem(pipeline.get("/api/requests/" + requestId), 404);

        Map<String, Object> newcomer = record(unique("New Nell"), null);
        newcomer.put("unlessPersonaExists", true);
        Pipeline.Response recorded = pipeline.put("/internal/requests/" + requestId, newcomer);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.contentLocation()).isNull();
        assertThat(recorded.json().path("status").asString()).isEqualTo("PENDING");

        Map<String, Object> forced = record(existing.personaName(), null);
        UUID forcedId = UUID.randomUUID();
        assertThat(pipeline.put("/internal/requests/" + forcedId, forced).status())
                .as("without the flag a request for an existing persona is recorded (a forced new image)").isEqualTo(201);
    }

    @Test
    void recordingRefusesWhatCannotBeARequest() {
        Map<String, Object> body = record(unique("Wrong Wanda"), null);
        body.put("slug", "someone-else");
        Pipeline.Response wrongSlug = pipeline.put("/internal/requests/" + UUID.randomUUID(), body);
        assertProblem(wrongSlug, 400);
        assertThat(wrongSlug.json().path("errors").get(0).path("field").asString()).isEqualTo("slug");

        Map<String, Object> angry = record(unique("Angry Al"), null);
        angry.put("mottoTone", "furious");
        Pipeline.Response badTone = pipeline.put("/internal/requests/" + UUID.randomUUID(), angry);
        assertProblem(badTone, 400);
        assertThat(badTone.json().path("errors").get(0).path("field").asString()).isEqualTo("mottoTone");

        Map<String, Object> nameless = record(unique("Nameless"), null);
        nameless.remove("personaName");
        assertThat(pipeline.put("/internal/requests/" + UUID.randomUUID(), nameless).json().path("errors"))
                .extracting(error -> error.path("field").asString()).contains("personaName");

        assertProblem(pipeline.put("/internal/requests/" + UUID.randomUUID(), "{\"personaKey\":"), 400);
        assertProblem(pipeline.put("/internal/requests/not-a-uuid", record(unique("Bad Id"), null)), 400);
    }
}
