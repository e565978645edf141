package com.personacomposer.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import reactor.core.Disposable;

/**
 * The gateway hears persona.completed, persona.failed and persona.canceled on the real broker and hands them to whoever
 * waits.
 */
class RequestFinishesIT extends GatewayIntegrationSupport {

    private static final KafkaProducer<String, PersonaEvent> EVENTS = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafkaBootstrapServers()),
            new StringSerializer(), new EventSerializer());

    @Autowired
    RequestFinishes finishes;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void closeProducer() {
        EVENTS.close();
    }

    /** The listener starts at the end of the topics, so it must have its partitions before anything is sent. */
    @BeforeEach
    void listenerIsAssigned() {
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.getListenerContainers().stream()
                .anyMatch(container -> container.getAssignedPartitions() != null
                        && container.getAssignedPartitions().size() >= 3));
    }

    @Test
    void completedFailedAndCanceledEventsReachTheirWaitersOnly() throws Exception {
        UUID completed = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID canceled = UUID.randomUUID();
        List<PersonaEvent> heard = new CopyOnWriteArrayList<>();
        Disposable waiting = finishes.of(completed).mergeWith(finishes.of(failed)).mergeWith(finishes.of(canceled))
                .subscribe(heard::add);
        try {
            send(PersonaCompleted.of(UUID.randomUUID(), "someone else", "someone-else", "image-0"));
            send(PersonaCanceled.of(UUID.randomUUID(), "someone else", null));
            send(PersonaCompleted.of(completed, "ada", "ada", "image-1"));
            send(PersonaFailed.of(failed, "bob", FailureStage.MOTTO, "no motto"));
            send(PersonaCanceled.of(canceled, "cy", null));

            await().atMost(Duration.ofSeconds(15)).until(() -> heard.size() >= 3);
            assertThat(heard).extracting(PersonaEvent::requestId).containsExactlyInAnyOrder(completed, failed, canceled);
            assertThat(heard).filteredOn(event -> event.requestId().equals(canceled))
                    .singleElement().isInstanceOf(PersonaCanceled.class);
        } finally {
            waiting.dispose();
        }
        assertThat(finishes.waiting()).isZero();
    }

    @Test
    void anUnreadableRecordIsSkippedAndListeningGoesOn() throws Exception {
        String key = "poison " + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.PERSONA_COMPLETED, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        UUID requestId = UUID.randomUUID();
        List<PersonaEvent> heard = new CopyOnWriteArrayList<>();
        Disposable waiting = finishes.of(requestId).subscribe(heard::add);
        try {
            // Same key, so the same partition: heard only if the poison record did not stop it.
            EVENTS.send(new ProducerRecord<>(Topics.PERSONA_COMPLETED, key,
                    PersonaCompleted.of(requestId, key, "poison", "image-1"))).get();

            await().atMost(Duration.ofSeconds(15)).until(() -> !heard.isEmpty());
        } finally {
            waiting.dispose();
        }
    }

    private static void send(PersonaEvent event) throws Exception {
        EVENTS.send(new ProducerRecord<>(Topics.of(event), event.personaKey(), event)).get();
    }
}
