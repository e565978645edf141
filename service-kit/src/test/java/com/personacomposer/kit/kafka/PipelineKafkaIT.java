package com.personacomposer.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.EventCodec;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/** The shared Kafka wiring on a real broker: events flow, poison is dead-lettered at once, failures fail the request. */
@SpringBootTest(classes = PipelineKafkaIT.TestApp.class, properties = {
        "spring.application.name=kit-test",
        "persona.kafka.failure-stage=motto",
        "persona.kafka.retries=2",
        "persona.kafka.retry-backoff=20ms"})
@DevStackTest
class PipelineKafkaIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    MottoListener listener;

    @Autowired
    SlowListener slowListener;

    @Autowired
    MeterRegistry meters;

    @Test
    void publishedEventsReachListenersKeyedByPersona() {
        MottoGenerated event = MottoGenerated.of(UUID.randomUUID(), "ada-" + UUID.randomUUID(), "Onward.", "local");

        publisher.publish(event);

        awaitUntil(() -> listener.received.contains(event));
    }

    @Test
    void poisonRecordIsDeadLetteredAtOnceAndThePartitionKeepsFlowing() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"eventType\":\"MottoGenerated\",\"oops".getBytes(StandardCharsets.UTF_8);
        try (var producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.MOTTO_GENERATED, key, poison));
        }
        MottoGenerated after = MottoGenerated.of(UUID.randomUUID(), key, "Still here.", "local");
        publisher.publish(after);

        List<ConsumerRecord<String, byte[]>> deadLetters = consumeUntil(Topics.deadLetter(Topics.MOTTO_GENERATED),
                records -> records.stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, byte[]> dead = deadLetters.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-fqcn").value(), StandardCharsets.UTF_8))
                .contains("DeserializationException");
        awaitUntil(() -> listener.received.contains(after));
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedThenDeadLetteredAndItsRequestFailed() {
        UUID requestId = UUID.randomUUID();
        String key = "boom-" + UUID.randomUUID();
        MottoGenerated failing = MottoGenerated.of(requestId, key, "boom", "local");
        double deadLettersBefore = deadLetters(Topics.MOTTO_GENERATED);

        publisher.publish(failing);

        consumeUntil(Topics.deadLetter(Topics.MOTTO_GENERATED),
                records -> records.stream().anyMatch(r -> key.equals(r.key())));
        List<ConsumerRecord<String, byte[]>> failures = consumeUntil(Topics.PERSONA_FAILED,
                records -> records.stream().anyMatch(r -> key.equals(r.key())));
        PersonaFailed failed = (PersonaFailed) EventCodec.fromJson(
                failures.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(failed.requestId()).isEqualTo(requestId);
        assertThat(failed.stage()).isEqualTo(FailureStage.MOTTO);
        assertThat(failed.reason()).isEqualTo("could not process MottoGenerated: motto service at [address] exploded");
        assertThat(listener.attempts(failing)).as("first delivery + 2 retries").isEqualTo(3);
        awaitUntil(() -> deadLetters(Topics.MOTTO_GENERATED) > deadLettersBefore);
        assertThat(deadLetters(Topics.IMAGE_STORED)).as("present before any dead letter, at 0").isZero();
    }

    private double deadLetters(String topic) {
        return meters.get("persona.dead.letters").tag("topic", topic).counter().count();
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStack.shared().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> consumeUntil(
            String topic, java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kit-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.test(seen)) {
                assertThat(System.nanoTime()).as("records on " + topic + " within 30 s").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    @Test
    void slowWorkRunsConcurrentlyInsteadOfOneRecordAtATimePerPartition() {
        String key = "slow-" + UUID.randomUUID();
        List<ImageGenerated> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(ImageGenerated.of(UUID.randomUUID(), key, ImageModel.LOCAL, "http://slow/" + i, null));
        }
        long started = System.nanoTime();

        events.forEach(publisher::publishAsync);

        awaitUntil(() -> slowListener.done.containsAll(events));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // 20 records of one key share one partition: one at a time they would take 20 x 500 ms = 10 s.
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(slowListener.maxConcurrent.get()).isGreaterThan(5);
    }

    @Test
    void aSlowRecordHoldsBackNeitherLaterRecordsNorAnythingButItsOwnOffset() throws Exception {
        String key = "held-" + UUID.randomUUID();
        ImageGenerated held = ImageGenerated.of(UUID.randomUUID(), key, ImageModel.LOCAL, "http://slow/hold", null);
        RecordMetadata heldAt = publisher.publishAsync(held).get(10, TimeUnit.SECONDS).getRecordMetadata();
        TopicPartition partition = new TopicPartition(heldAt.topic(), heldAt.partition());
        try {
            awaitUntil(() -> slowListener.started.contains(held));
            List<ImageGenerated> later = new ArrayList<>();
            long lastOffset = 0;
            for (int i = 0; i < 5; i++) {
                ImageGenerated event = ImageGenerated.of(UUID.randomUUID(), key, ImageModel.LOCAL, "http://slow/" + i, null);
                later.add(event);
                lastOffset = publisher.publishAsync(event).get(10, TimeUnit.SECONDS).getRecordMetadata().offset();
            }

            awaitUntil(() -> slowListener.done.containsAll(later));
            assertThat(slowListener.done).as("still held").doesNotContain(held);
            assertThat(committedOffset(partition)).as("a crash now redelivers the held record")
                    .isLessThanOrEqualTo(heldAt.offset());

            slowListener.release.countDown();
            long afterLast = lastOffset + 1;
            awaitUntil(() -> committedOffset(partition) == afterLast);
        } finally {
            slowListener.release.countDown();
        }
    }

    private static long committedOffset(TopicPartition partition) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStack.shared().kafkaBootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("kit-test")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentWorkThatFailsIsDeadLetteredAndFailsItsRequestOnce() {
        UUID requestId = UUID.randomUUID();
        String key = "slow-boom-" + UUID.randomUUID();

        publisher.publish(ImageGenerated.of(requestId, key, ImageModel.LOCAL, "http://slow/boom", null));

        consumeUntil(Topics.deadLetter(Topics.IMAGE_GENERATED), records -> records.stream().anyMatch(r -> key.equals(r.key())));
        List<ConsumerRecord<String, byte[]>> failures = consumeUntil(Topics.PERSONA_FAILED,
                records -> records.stream().anyMatch(r -> key.equals(r.key())));
        assertThat(failures.stream().filter(r -> key.equals(r.key()))).hasSize(1);
        PersonaFailed failed = (PersonaFailed) EventCodec.fromJson(
                failures.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(failed.reason()).isEqualTo("could not process ImageGenerated: download from [address] exploded");
    }

    @SpringBootApplication
    @Import({MottoListener.class, SlowListener.class})
    static class TestApp {
    }

    static class SlowListener {

        final List<ImageGenerated> done = new CopyOnWriteArrayList<>();
        final List<ImageGenerated> started = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();
        private final ConcurrentStage stage;

        SlowListener(ConcurrentStage stage) {
            this.stage = stage;
        }

        @KafkaListener(topics = Topics.IMAGE_GENERATED, containerPostProcessor = ConcurrentStage.LISTENER_SETUP)
        void on(ConsumerRecord<String, ImageGenerated> record, Acknowledgment ack) {
            stage.submit(record, ack, () -> handle(record.value()));
        }

        private void handle(ImageGenerated event) {
            if (event.imageUrl().endsWith("boom")) {
                throw new IllegalStateException("download from http://10.0.3.7:8082/generated/x.png exploded");
            }
            started.add(event);
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (event.imageUrl().endsWith("hold")) {
                awaitRelease();
            } else {
                ServiceSleep.sleep(500);
            }
            running.decrementAndGet();
            done.add(event);
        }

        private void awaitRelease() {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class ServiceSleep {
        static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static class MottoListener {

        final List<MottoGenerated> received = new CopyOnWriteArrayList<>();
        final List<UUID> attempts = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.MOTTO_GENERATED)
        void on(MottoGenerated event) {
            attempts.add(event.eventId());
            if (event.motto().equals("boom")) {
                throw new IllegalStateException("motto service at mongo.internal:27017 exploded");
            }
            received.add(event);
        }

        long attempts(MottoGenerated event) {
            return attempts.stream().filter(event.eventId()::equals).count();
        }
    }
}
