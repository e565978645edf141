package com.personacomposer.image.testing;

import com.personacomposer.events.EventDeserializer;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.devstack.test.DevStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Plain Kafka clients on the devstack broker: what a neighbouring service would publish and see. A test class
 * registers one ({@code @RegisterExtension static final PipelineClient pipeline = new PipelineClient()}): it
 * connects before the class's tests and closes after them.
 */
public final class PipelineClient implements BeforeAllCallback, AfterAllCallback {

    private KafkaProducer<String, PersonaEvent> producer;
    private KafkaConsumer<String, PersonaEvent> consumer;
    private final List<PersonaEvent> seen = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        String servers = DevStack.shared().kafkaBootstrapServers();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new EventSerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "image-it-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(List.of(Topics.IMAGE_GENERATED, Topics.PERSONA_FAILED, Topics.IMAGE_SKIPPED));
    }

    public void request(PersonaRequested request) {
        publish(request);
    }

    /** Publishes as a neighbour would: to the event's topic, keyed by persona. */
    public void publish(PersonaEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.of(event), event.personaKey(), event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.eventType(), e);
        }
    }

    /** The output events of the request seen within the wait (all of them: the wait is always waited out). */
    public List<PersonaEvent> during(UUID requestId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, PersonaEvent> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record.value());
            }
        }
        return of(requestId);
    }

    /** Every output event of the request seen within the wait, once at least {@code count} have arrived. */
    public List<PersonaEvent> await(UUID requestId, int count, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<PersonaEvent> found = of(requestId);
            if (found.size() >= count) {
                return found;
            }
            for (ConsumerRecord<String, PersonaEvent> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record.value());
            }
        }
        throw new AssertionError("expected " + count + " events of request " + requestId + " within " + wait
                + ", saw " + of(requestId));
    }

    public PersonaEvent awaitOne(UUID requestId) {
        return await(requestId, 1, Duration.ofSeconds(30)).get(0);
    }

    /** Everything seen so far. */
    public List<PersonaEvent> seen() {
        return List.copyOf(seen);
    }

    private List<PersonaEvent> of(UUID requestId) {
        return seen.stream().filter(event -> event.requestId().equals(requestId)).toList();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
