package com.personacomposer.persona.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/**
 * A cancel racing the request's completion, many times over, on the running service (devstack Mongo, Kafka, S3):
 * each request ends in exactly one of COMPLETED or CANCELED, and the cancel's answer, the status, the persona, the
 * bucket and the finish events all tell the same outcome.
 */
class CancelRaceIT extends ServiceTestSupport {

    private static final int RUNS = 50;

    @Test
    void exactlyOneOfCompletionAndCancelWinsAndEverythingAgreesWithIt() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(race(i));
        }

        Set<UUID> canceledEvents = ids(pipeline.readAll(Topics.PERSONA_CANCELED), PersonaCanceled.class);
        Set<UUID> completedEvents = ids(pipeline.readAll(Topics.PERSONA_COMPLETED), PersonaCompleted.class);
        for (Run run : runs) {
            UUID id = run.requested.requestId();
            JsonNode status = pipeline.get("/api/requests/" + id).json();
            Pipeline.Response persona = pipeline.get("/api/personas/" + Pipeline.segment(run.requested.slug()));
            if (run.cancelStatus == 202) {
                assertThat(status.path("status").asString()).as("run %s", run.index).isEqualTo("CANCELED");
                assertThat(persona.status()).as("no persona without an image, run %s", run.index).isEqualTo(404);
                awaitGone(run.stored);
                assertThat(canceledEvents).contains(id);
                assertThat(completedEvents).doesNotContain(id);
            } else {
                assertThat(run.cancelStatus).as("run %s", run.index).isEqualTo(409);
                assertThat(status.path("status").asString()).isEqualTo("COMPLETED");
                assertThat(persona.status()).isEqualTo(200);
                assertThat(persona.json().path("images").get(0).path("id").asString())
                        .isEqualTo(PersonaRequest.imageIdOf(id.toString()));
                for (String key : keys(run.stored)) {
                    assertThat(exists(key)).as("%s of a completed request", key).isTrue();
                }
                assertThat(completedEvents).contains(id);
                assertThat(canceledEvents).doesNotContain(id);
            }
        }
        assertThat(runs).as("both outcomes happen").extracting(run -> run.cancelStatus).contains(202, 409);
    }

    /**
     * One request with its motto in, its image stored: its ImageStored and its cancel sent at about the same time
     * (which goes first alternates, the other follows after a random pause of up to 30 ms).
     */
    private Run race(int index) {
        String name = unique("Racer " + index);
        UUID requestId = UUID.randomUUID();
        assertThat(pipeline.put("/internal/requests/" + requestId, record(name, null)).status()).isEqualTo(201);
        PersonaName persona = PersonaName.of(name);
        PersonaRequested requested = PersonaRequested.of(requestId, persona.key(), persona.displayName(),
                persona.slug(), "", MottoTone.NEUTRAL, ImageModel.LOCAL);
        pipeline.publish(motto(requested, "Race " + index));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                pipeline.get("/api/requests/" + requestId).json().path("stages").path("motto").asString()
                        .equals("DONE"));
        ImageStored stored = store(requested, png(requestId.toString()));
        putDoubleSizeThumbnail(stored);
        long pause = ThreadLocalRandom.current().nextLong(30);
        int cancelStatus;
        if (index % 2 == 0) {
            pipeline.publish(stored);
            sleep(Duration.ofMillis(pause));
            cancelStatus = pipeline.post("/api/requests/" + requestId + "/cancel", null).status();
        } else {
            cancelStatus = pipeline.post("/api/requests/" + requestId + "/cancel", null).status();
            sleep(Duration.ofMillis(pause));
            pipeline.publish(stored);
        }
        pipeline.awaitConsumed(Topics.IMAGE_STORED);
        return new Run(index, requested, stored, cancelStatus);
    }

    private record Run(int index, PersonaRequested requested, ImageStored stored, int cancelStatus) {
    }

    private void putDoubleSizeThumbnail(ImageStored stored) {
        s3.putObject(put -> put.bucket(s3Properties.bucket()).key(doubleSize(stored.s3Key())),
                RequestBody.fromBytes(THUMBNAIL));
    }

    private static String doubleSize(String s3Key) {
        return s3Key.replace(".png", ".thumb2x.jpg");
    }

    private static List<String> keys(ImageStored stored) {
        return List.of(stored.s3Key(), stored.thumbnailKey(), doubleSize(stored.s3Key()));
    }

    private void awaitGone(ImageStored stored) {
        for (String key : keys(stored)) {
            Awaitility.await(key + " deleted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !exists(key));
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(head -> head.bucket(s3Properties.bucket()).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static <T extends PersonaEvent> Set<UUID> ids(List<PersonaEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(PersonaEvent::requestId).collect(Collectors.toSet());
    }
}
