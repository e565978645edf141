package com.personacomposer.persona.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The assembly end to end: events in on the devstack's Kafka, personas out over HTTP with working image URLs. */
class PersonaPipelineIT extends ServiceTestSupport {

    @Test
    void partsDeliveredTwiceMakeOnePersonaImageWhoseUrlServesTheBytes() {
        PersonaRequested requested = requested(unique("Zoë"), "a cartographer of tides", MottoTone.SARCASTIC);
        byte[] png = png("zoë's portrait");
        ImageStored image = store(requested, png);
        MottoGenerated motto = motto(requested, "Maps are just opinions.");

        pipeline.publish(requested, image, motto, image, motto);

        JsonNode status = awaitStatus(requested.requestId(), "COMPLETED");
        assertThat(status.path("requestId").asString()).isEqualTo(requested.requestId().toString());
        assertThat(status.path("personaName").asString()).isEqualTo(requested.personaName());
        assertThat(status.path("slug").asString()).isEqualTo(requested.slug());
        assertThat(status.path("stages").path("image").asString()).isEqualTo("DONE");
        assertThat(status.path("stages").path("storage").asString()).isEqualTo("DONE");
        assertThat(status.path("stages").path("motto").asString()).isEqualTo("DONE");
        assertThat(status.has("error")).isFalse();

        pipeline.awaitConsumed(Topics.IMAGE_STORED, Topics.MOTTO_GENERATED);
        Pipeline.Response response = pipeline.get("/api/personas/" + Pipeline.segment(requested.slug()));
        assertThat(response.status()).isEqualTo(200);
        JsonNode persona = response.json();
        assertThat(persona.path("name").asString()).isEqualTo(requested.personaName());
        assertThat(persona.path("slug").asString()).isEqualTo(requested.slug());
        assertThat(persona.path("images")).hasSize(1);
        JsonNode stored = persona.path("images").get(0);
        assertThat(stored.path("requestId").asString()).isEqualTo(requested.requestId().toString());
        assertThat(stored.path("description").asString()).isEqualTo("a cartographer of tides");
        assertThat(stored.path("mottoTone").asString()).isEqualTo("sarcastic");
        assertThat(stored.path("motto").asString()).isEqualTo("Maps are just opinions.");
        assertThat(stored.path("model").asString()).isEqualTo("local");
        assertThat(stored.path("upvotes").asLong()).isEqualTo(1);
        assertThat(stored.path("downvotes").asLong()).isZero();
        assertThat(Instant.parse(stored.path("urlExpiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(61));

        HttpResponse<byte[]> fetched = pipeline.fetch(stored.path("url").asString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(png);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");

        List<PersonaCompleted> completions = pipeline.readAll(Topics.PERSONA_COMPLETED).stream()
                .filter(event -> event.requestId().equals(requested.requestId()))
                .map(PersonaCompleted.class::cast)
                .toList();
        assertThat(completions).singleElement().satisfies(completed -> {
            assertThat(completed.personaKey()).isEqualTo(requested.personaKey());
            assertThat(completed.slug()).isEqualTo(requested.slug());
            assertThat(completed.imageId()).isEqualTo(stored.path("id").asString());
        });
    }

    @Test
    void partsArrivingBeforeTheRequestStillComplete() {
        PersonaRequested requested = requested(unique("李小龙"), "", MottoTone.COMICAL);

        pipeline.publish(motto(requested, "Be water, but funnier."), store(requested, png("bruce")));
        pipeline.awaitConsumed(Topics.IMAGE_STORED, Topics.MOTTO_GENERATED);
        assertThat(pipeline.get("/api/personas/" + Pipeline.segment(requested.slug())).status()).isEqualTo(404);
        pipeline.publish(requested);

        awaitStatus(requested.requestId(), "COMPLETED");
        JsonNode persona = pipeline.get("/api/personas/" + Pipeline.segment(requested.slug())).json();
        assertThat(persona.path("name").asString()).isEqualTo(requested.personaName());
        assertThat(persona.path("images").get(0).path("motto").asString()).isEqualTo("Be water, but funnier.");
    }

    @Test
    void aFailedStageFailsTheRequestWithItsReasonAndLatePartsChangeNothing() {
        PersonaRequested requested = requested(unique("Doomed Dora"), "", MottoTone.SOMBRE);
        pipeline.publish(requested, PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.MOTTO,
                "the chat model refused the description"));

        JsonNode status = awaitStatus(requested.requestId(), "FAILED");
        assertThat(status.path("stages").path("motto").asString()).isEqualTo("FAILED");
        assertThat(status.path("stages").path("image").asString()).isEqualTo("PENDING");
        assertThat(status.path("error").path("stage").asString()).isEqualTo("motto");
        assertThat(status.path("error").path("message").asString()).isEqualTo("the chat model refused the description");

        pipeline.publish(store(requested, png("too late")), motto(requested, "Too late."));
        pipeline.awaitConsumed(Topics.IMAGE_STORED, Topics.MOTTO_GENERATED);
        assertThat(pipeline.get("/api/requests/" + requested.requestId()).json().path("status").asString())
                .isEqualTo("FAILED");
        assertThat(pipeline.get("/api/personas/" + Pipeline.segment(requested.slug())).status()).isEqualTo(404);
    }

    @Test
    void aSecondRequestForTheSameNameAppendsASecondImage() {
        String name = unique("O'Brien");
        PersonaRequested first = createImage(name, "in a trench coat", MottoTone.NEUTRAL, "Rain again.");
        PersonaRequested second = createImage(name.toUpperCase(), "in a sun hat", MottoTone.COMICAL, "Sun again!");

        assertThat(second.slug()).isEqualTo(first.slug());
        JsonNode persona = pipeline.get("/api/personas/" + Pipeline.segment(first.slug())).json();
        assertThat(persona.path("name").asString()).isEqualTo(name);
        assertThat(persona.path("images")).hasSize(2);
        assertThat(persona.path("images").get(0).path("requestId").asString())
                .isEqualTo(first.requestId().toString());
        assertThat(persona.path("images").get(1).path("description").asString()).isEqualTo("in a sun hat");
        assertThat(Instant.parse(persona.path("updatedAt").asString()))
                .isEqualTo(Instant.parse(persona.path("images").get(1).path("createdAt").asString()));
    }
}
