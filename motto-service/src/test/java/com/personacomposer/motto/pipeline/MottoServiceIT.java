package com.personacomposer.motto.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.cancel.CanceledRequests;
import com.personacomposer.kit.testing.EventConsumers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// The offline composer, even where the developer has a key in the environment.
@SpringBootTest(properties = "OPENAI_API_KEY=")
@DevStackTest
class MottoServiceIT {

    @Autowired
    CanceledRequests canceled;

    @Test
    void composesAMottoForARequestedPersonaAndPublishesIt(Infrastructure infra) throws Exception {
        PersonaName name = PersonaName.of("Captain Nemo " + UUID.randomUUID());
        var requested = PersonaRequested.of(UUID.randomUUID(), name.key(), name.displayName(), name.slug(),
                "a brooding submarine captain with a pipe organ", MottoTone.SOMBRE, ImageModel.LOCAL);

        try (var producer = new KafkaProducer<String, PersonaEvent>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PERSONA_REQUESTED, requested.personaKey(), requested)).get();
        }

        MottoGenerated generated = awaitMotto(infra, requested.requestId());
        assertThat(generated.personaKey()).isEqualTo(name.key());
        assertThat(generated.provider()).isEqualTo("local");
        assertThat(generated.motto()).isNotBlank().hasSizeLessThanOrEqualTo(120)
                .containsAnyOf("brooding", "submarine", "captain", "pipe", "organ",
                        "Brooding", "Submarine", "Captain", "Pipe", "Organ");
    }

    @Test
    void composesNothingForACanceledRequest(Infrastructure infra) throws Exception {
        PersonaName name = PersonaName.of("Captain Canceled " + UUID.randomUUID());
        var canceledRequest = PersonaRequested.of(UUID.randomUUID(), name.key(), name.displayName(), name.slug(),
                "a captain who changed their mind", MottoTone.SOMBRE, ImageModel.LOCAL);
        var next = PersonaRequested.of(UUID.randomUUID(), name.key(), name.displayName(), name.slug(),
                "the same captain, asked again", MottoTone.SOMBRE, ImageModel.LOCAL);

        try (var producer = new KafkaProducer<String, PersonaEvent>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PERSONA_CANCELED, name.key(),
                    PersonaCanceled.of(canceledRequest.requestId(), name.key(), null))).get();
            Instant heard = Instant.now().plus(Duration.ofSeconds(30));
            while (!canceled.isCanceled(canceledRequest.requestId())) {
                assertThat(Instant.now()).as("the cancel heard within 30 s").isBefore(heard);
                Thread.sleep(20);
            }
            // One key, one partition: once the second request's motto is out, the first was handled.
            producer.send(new ProducerRecord<>(Topics.PERSONA_REQUESTED, name.key(), canceledRequest)).get();
            producer.send(new ProducerRecord<>(Topics.PERSONA_REQUESTED, name.key(), next)).get();
        }

        assertThat(awaitMottos(infra, next.requestId())).extracting(MottoGenerated::requestId)
                .doesNotContain(canceledRequest.requestId());
    }

    private static MottoGenerated awaitMotto(Infrastructure infra, UUID requestId) {
        return awaitMottos(infra, requestId).stream().filter(motto -> motto.requestId().equals(requestId))
                .findFirst().orElseThrow();
    }

    /** Every MottoGenerated on the topic up to the first one of {@code requestId}. */
    private static List<MottoGenerated> awaitMottos(Infrastructure infra, UUID requestId) {
        List<MottoGenerated> seen = new java.util.ArrayList<>();
        try (var consumer = EventConsumers.fromTheStart(infra.kafkaBootstrapServers(), Topics.MOTTO_GENERATED)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof MottoGenerated motto) {
                        seen.add(motto);
                        if (motto.requestId().equals(requestId)) {
                            assertThat(record.key()).isEqualTo(motto.personaKey());
                            return seen;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no MottoGenerated for request " + requestId + " within 30 s");
    }
}
