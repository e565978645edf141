package com.personacomposer.gateway.testing;

import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.testing.EventConsumers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** What really arrived on persona.requested, read with a plain consumer in a group of its own (EventConsumers). */
public final class RequestedEvents implements AutoCloseable {

    private final KafkaConsumer<String, PersonaEvent> consumer;
    private final List<ConsumerRecord<String, PersonaEvent>> seen = new ArrayList<>();

    public RequestedEvents() {
        consumer = EventConsumers.fromTheStart(DevStack.shared().kafkaBootstrapServers(), Topics.PERSONA_REQUESTED);
    }

    /** The first record matching {@code match}, waiting up to {@code timeout} for it. */
    public ConsumerRecord<String, PersonaEvent> await(Predicate<ConsumerRecord<String, PersonaEvent>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, PersonaEvent> record : seen) {
                if (match.test(record)) {
                    return record;
                }
            }
            poll();
        }
        throw new AssertionError("no matching PersonaRequested within " + timeout);
    }

    /**
     * Every record with this key that arrives within {@code listening} of joining the topic (from its beginning, so
     * anything published before this call is seen too).
     */
    public List<ConsumerRecord<String, PersonaEvent>> withKey(String key, Duration listening) {
        while (consumer.assignment().isEmpty()) {
            poll();
        }
        Instant deadline = Instant.now().plus(listening);
        while (Instant.now().isBefore(deadline)) {
            poll();
        }
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
