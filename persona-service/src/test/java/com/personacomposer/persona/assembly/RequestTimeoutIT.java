package com.personacomposer.persona.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A request nothing happens to fails with stage timeout once the deadline passes. This context has a tiny deadline,
 * a database of its own and no listeners, so it sweeps nothing of the other tests.
 */
@TestPropertySource(properties = {
        "persona.requests.deadline=1s",
        "persona.requests.sweep-interval=200ms",
        "spring.mongodb.database=personas-timeout-it",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
class RequestTimeoutIT extends ServiceTestSupport {

    @Test
    void aRequestWithoutProgressFailsWithStageTimeout() {
        UUID requestId = UUID.randomUUID();
        String rawName = unique("Waiting Wendy");
        PersonaName name = PersonaName.of(rawName);
        assertThat(pipeline.put("/internal/requests/" + requestId, record(rawName, null)).status()).isEqualTo(201);

        JsonNode status = awaitStatus(requestId, "FAILED");

        assertThat(status.path("error").path("stage").asString()).isEqualTo("timeout");
        assertThat(status.path("error").path("message").asString())
                .isEqualTo("no progress for 1 s (waiting for: image, motto)");
        assertThat(status.path("stages").path("image").asString()).isEqualTo("PENDING");
        assertThat(status.path("stages").path("motto").asString()).isEqualTo("PENDING");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pipeline.readAll(Topics.PERSONA_FAILED))
                        .filteredOn(event -> event.requestId().equals(requestId))
                        .singleElement()
                        .isInstanceOfSatisfying(PersonaFailed.class, failed -> {
                            assertThat(failed.stage()).isEqualTo(FailureStage.TIMEOUT);
                            assertThat(failed.personaKey()).isEqualTo(name.key());
                        }));
    }
}
