package com.personacomposer.persona.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A request the gateway recorded but never got onto persona.requested (its broker call failed, or it died between
 * the two) is published by persona-service itself, and then completes like any other.
 */
@TestPropertySource(properties = {
        "persona.requests.outbox-delay=1s",
        "persona.requests.outbox-interval=200ms",
        "spring.mongodb.database=personas-owed-events-it"})
@DirtiesContext
class OwedEventsIT extends ServiceTestSupport {

    @Test
    void aRecordedRequestThatWasNeverPublishedIsPublishedByPersonaServiceAndCompletes() {
        UUID requestId = UUID.randomUUID();
        String rawName = unique("Orphan Otto");
        PersonaName name = PersonaName.of(rawName);
        Map<String, Object> record = record(rawName, null);
        record.put("description", "left behind");
        record.put("mottoTone", "comical");
        assertThat(pipeline.put("/internal/requests/" + requestId, record).status()).isEqualTo(201);

        PersonaRequested published = Awaitility.await("PersonaRequested of " + requestId)
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.readAll(Topics.PERSONA_REQUESTED).stream()
                        .filter(event -> event.requestId().equals(requestId))
                        .map(PersonaRequested.class::cast)
                        .findFirst().orElse(null), event -> event != null);
        assertThat(published.personaName()).isEqualTo(name.displayName());
        assertThat(published.description()).isEqualTo("left behind");
        assertThat(published.mottoTone()).isEqualTo(MottoTone.COMICAL);

        pipeline.publish(store(published, png("orphan")), motto(published, "Found."));
        awaitStatus(requestId, "COMPLETED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pipeline.readAll(Topics.PERSONA_COMPLETED))
                        .filteredOn(event -> event.requestId().equals(requestId))
                        .singleElement().isInstanceOf(PersonaCompleted.class));
        ServiceTestSupport.sleep(Duration.ofSeconds(3));
        assertThat(pipeline.readAll(Topics.PERSONA_REQUESTED))
                .as("published until read back, then no more")
                .filteredOn(event -> event.requestId().equals(requestId)).hasSizeLessThanOrEqualTo(2);
    }
}
