package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Faults injected for real into a running system of its own: processes killed with SIGKILL, the broker stopped,
 * MongoDB and S3 links cut, poison records, a provider that never answers. Nothing accepted may be lost or duplicated.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private static FaultyInfrastructure infra;
    private static ServiceProcesses services;
    private static Api api;
    private static BlackHole blackHole;
    /** Sent first, so its deadline passes while the other faults run instead of being waited for at the end. */
    private static String silentRequest;

    @BeforeAll
    static void startSystem() throws IOException {
        infra = new FaultyInfrastructure();
        blackHole = new BlackHole();
        services = ServiceProcesses.start("faults", infra, Map.of(
                        // Work takes a while, so faults land while requests are in flight.
                        "PERSONA_LOCAL_IMAGE_LATENCY", "1s",
                        "PERSONA_LOCAL_MOTTO_LATENCY", "300ms",
                        "PERSONA_REQUEST_DEADLINE", "60s",
                        "PERSONA_REQUEST_SWEEP_INTERVAL", "5s",
                        // One test client sends bursts of 30; the per-client limit is not what is tested here.
                        "PERSONA_RATE_LIMIT_PER_MINUTE", "100000",
                        "PERSONA_RATE_LIMIT_BURST", "1000"),
                // Only image-service talks to "OpenAI", which accepts connections and never answers.
                Map.of("image-service", Map.of(
                        "OPENAI_API_KEY", "sk-fault-test-never-answers",
                        "OPENAI_BASE_URL", "http://127.0.0.1:" + blackHole.port() + "/v1")));
        api = new Api(services.gateway());
        silentRequest = accept("Silent Stage " + suffix(), "dall-e", false);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        Stopping.all(services, infra, blackHole);
    }

    @Test
    @Order(1)
    void killMinusNineOfEachServiceDuringABurstLosesAndDuplicatesNothing() throws Exception {
        Burst burst = Burst.submit(30);

        for (String service : List.of("image-service", "motto-service", "storage-service", "persona-service",
                "gateway-service")) {
            services.kill(service);
            services.restart(service);
        }

        burst.assertAllCompletedOnceEach(Duration.ofMinutes(4));
    }

    @Test
    @Order(2)
    void brokerStoppedForTwentySeconds() {
        burstThrough(infra::stopKafka, infra::startKafka);
    }

    @Test
    @Order(3)
    void aRequestAcceptedWhileTheBrokerIsDownCompletesWithoutAClientRetry() {
        String name = "Broker Away " + suffix();
        infra.stopKafka();
        String requestId;
        try {
            // The gateway records the request at persona-service, fails to publish it, and still accepts it.
            requestId = accept(name, "local", false);
        } finally {
            infra.startKafka();
        }

        JsonNode status = awaitEnd(requestId, Duration.ofMinutes(2));

        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
        JsonNode persona = api.get("/api/personas/" + Api.segment(PersonaName.of(name).slug())).body();
        assertThat(persona.get("imageCount").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void mongoUnreachableForTwentySeconds() {
        burstThrough(infra::cutMongo, infra::restoreMongo);
    }

    @Test
    @Order(5)
    void s3UnreachableForTwentySeconds() {
        burstThrough(infra::cutS3, infra::restoreS3);
    }

    @Test
    @Order(6)
    void aPoisonRecordOnEveryTopicIsDeadLetteredAndItsPartitionKeepsFlowing() {
        String name = "After Poison " + suffix();
        String key = PersonaName.canonicalKey(name);
        byte[] poison = "{\"eventType\":\"PersonaRequested\",\"schemaVersion\":1,\"garbage".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : Topics.ALL) {
                producer.send(new ProducerRecord<>(topic, key, poison));
            }
        }

        // Same key, so the same partitions: this completes only if nothing is stuck behind the poison.
        String requestId = accept(name, "local", false);
        JsonNode status = awaitEnd(requestId, Duration.ofMinutes(2));
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
        List<String> consumed = List.of(Topics.PERSONA_REQUESTED, Topics.IMAGE_GENERATED, Topics.IMAGE_STORED,
                Topics.MOTTO_GENERATED, Topics.PERSONA_FAILED);
        for (String topic : consumed) {
            assertThat(deadLettersWithKey(Topics.deadLetter(topic), key)).as("dead letters on " + topic + "-dlt")
                    .isNotEmpty()
                    .allSatisfy(record -> assertThat(record.value()).isEqualTo(poison));
        }
    }

    @Test
    @Order(7)
    void aStageThatNeverAnswersFailsTheRequestAtTheDeadline() {
        JsonNode status = awaitEnd(silentRequest, Duration.ofMinutes(3));

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("error").get("stage").asString()).isEqualTo("timeout");
        assertThat(status.get("stages").get("motto").asString()).as("the motto came, the image never did").isEqualTo("DONE");
        assertThat(blackHole.connections()).as("image-service did call the provider").isPositive();
    }

    /** A burst accepted, then {@code cut} for {@link #OUTAGE} and {@code restore}d: every request completes once. */
    private static void burstThrough(Runnable cut, Runnable restore) {
        Burst burst = Burst.submit(30);

        cut.run();
        ServiceProcesses.sleep(OUTAGE.toMillis());
        restore.run();

        burst.assertAllCompletedOnceEach(Duration.ofMinutes(4));
    }

    /** Thirty requests over ten personas (one new, two forced each), all accepted before the fault. */
    private record Burst(Map<String, List<String>> requestsBySlug) {

        static Burst submit(int requests) {
            Map<String, List<String>> bySlug = new LinkedHashMap<>();
            String run = suffix();
            int personas = requests / 3;
            for (int round = 0; round < 3; round++) {
                for (int p = 0; p < personas; p++) {
                    String name = "Fault " + run + " " + p;
                    String requestId = accept(name, "local", round > 0);
                    bySlug.computeIfAbsent(PersonaName.of(name).slug(), slug -> new ArrayList<>()).add(requestId);
                }
            }
            return new Burst(bySlug);
        }

        void assertAllCompletedOnceEach(Duration within) {
            for (List<String> requestIds : requestsBySlug.values()) {
                for (String requestId : requestIds) {
                    JsonNode status = awaitEnd(requestId, within);
                    assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
                }
            }
            requestsBySlug.forEach((slug, requestIds) -> {
                JsonNode images = api.get("/api/personas/" + Api.segment(slug)).body().get("images");
                List<String> imageRequests = new ArrayList<>();
                images.forEach(image -> imageRequests.add(image.get("requestId").asString()));
                assertThat(imageRequests).as("one image per request of " + slug).containsExactlyInAnyOrderElementsOf(requestIds);
            });
        }
    }

    private static String accept(String name, String model, boolean force) {
        Api.Reply reply = api.post("/api/personas",
                "{\"name\": \"" + name + "\", \"model\": \"" + model + "\", \"force\": " + force + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.body().get("requestId").asString();
    }

    private static JsonNode awaitEnd(String requestId, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Api.Reply reply = tryGet("/api/requests/" + requestId);
            if (reply != null && reply.status() == 200) {
                status = reply.body();
                if (!"PENDING".equals(status.get("status").asString())) {
                    return status;
                }
            }
            ServiceProcesses.sleep(250);
        }
        throw new AssertionError("request " + requestId + " did not end within " + within + ": " + status);
    }

    /** Reads go through the gateway, which may itself be restarting. */
    private static Api.Reply tryGet(String path) {
        try {
            return api.get(path);
        } catch (IllegalStateException unreachable) {
            return null;
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersWithKey(String topic, String key) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** A "provider" that accepts connections and never says a word. */
    private static final class BlackHole implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        BlackHole() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
