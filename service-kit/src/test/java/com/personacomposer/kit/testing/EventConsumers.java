package com.personacomposer.kit.testing;

import com.personacomposer.events.EventDeserializer;
import com.personacomposer.events.PersonaEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Plain consumers with which a test reads what the services published, as the pipeline's events. */
public final class EventConsumers {

    private EventConsumers() {
    }

    /**
     * A consumer subscribed to {@code topics} in a group of its own, starting at each topic's beginning, so it also
     * reads what was published before it joined. Close it when done.
     */
    public static KafkaConsumer<String, PersonaEvent> fromTheStart(String bootstrapServers, String... topics) {
        KafkaConsumer<String, PersonaEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }
}
