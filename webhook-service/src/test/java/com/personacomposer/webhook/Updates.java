package com.personacomposer.webhook;

import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.events.EventDeserializer;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import com.personacomposer.events.WebhookDeliveryUpdated;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What persona-service will hear: every WebhookDeliveryUpdated on persona.webhook.updated, read by a consumer of its
 * own, kept newest-by-attempts per request as persona-service keeps them.
 */
final class Updates implements AutoCloseable {

    private final List<WebhookDeliveryUpdated> seen = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, PersonaEvent> consumer;
    private final Thread poller;

    private Updates() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "webhook-updates-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Partitions added to the topic are seen within a second, not after the default five minutes.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(List.of(Topics.WEBHOOK_UPDATED));
        poller = new Thread(this::poll, "webhook-updates-test");
        poller.setDaemon(true);
        poller.start();
    }

    static Updates listen() {
        return new Updates();
    }

    private void poll() {
        try {
            while (true) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() instanceof WebhookDeliveryUpdated update) {
                        seen.add(update);
                    }
                });
            }
        } catch (WakeupException stopped) {
            consumer.close();
        }
    }

    List<WebhookDeliveryUpdated> of(UUID requestId) {
        return seen.stream().filter(update -> update.requestId().equals(requestId)).toList();
    }

    /** The state persona-service shows: the one with the most attempts (the later of equals). */
    Optional<WebhookDeliveryUpdated> newest(UUID requestId) {
        return of(requestId).stream().max(Comparator.comparingInt(WebhookDeliveryUpdated::attempts)
                .thenComparing(WebhookDeliveryUpdated::occurredAt));
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
