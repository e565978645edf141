package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackExtension;
import com.personacomposer.events.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as a user meets it: the six packaged jars as separate processes on the devstack infrastructure,
 * driven only through the gateway's public REST API (plus Kafka, to redeliver events as a broker may).
 */
@Order(6)
@ResourceLock(RunningSystem.LOCK)
@ExtendWith(DevStackExtension.class)
class PersonaPipelineIT {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private static Infrastructure infra;
    private static Api api;

    @BeforeAll
    static void startSystem() {
        infra = RunningSystem.infrastructure();
        api = new Api(RunningSystem.get().gateway());
    }

    @Test
    void createThenGetOrCreateThenForceAppendsInOrder() {
        String name = "Zoë O'Brien " + suffix();
        Api.Reply accepted = api.post("/api/personas", """
                {"name": "%s", "description": "red hair, loves the ocean at night", "mottoTone": "sarcastic"}
                """.formatted(name));

        assertThat(accepted.status()).isEqualTo(202);
        String requestId = accepted.body().get("requestId").asString();
        String slug = accepted.body().get("slug").asString();
        assertThat(accepted.location()).isEqualTo("/api/requests/" + requestId);
        assertThat(accepted.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.body().get("personaName").asString()).isEqualTo(name);

        awaitCompleted(requestId);
        JsonNode persona = api.get("/api/personas/" + Api.segment(slug)).body();
        assertThat(persona.get("name").asString()).isEqualTo(name);
        assertThat(persona.get("images")).hasSize(1);
        JsonNode image = persona.get("images").get(0);
        assertThat(image.get("requestId").asString()).isEqualTo(requestId);
        assertThat(image.get("mottoTone").asString()).isEqualTo("sarcastic");
        assertThat(image.get("model").asString()).isEqualTo("local");
        assertThat(image.get("motto").asString()).isNotBlank();
        assertThat(image.get("upvotes").asInt()).isEqualTo(1);
        HttpResponse<byte[]> png = Api.fetch(image.get("url").asString());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith(PNG_MAGIC);

        Api.Reply existing = api.post("/api/personas", """
                {"name": "%s", "description": "something else entirely"}
                """.formatted(name.toUpperCase(java.util.Locale.ROOT)));
        assertThat(existing.status()).as("get-or-create returns the stored persona").isEqualTo(200);
        assertThat(existing.body().get("images")).hasSize(1);
        assertThat(existing.body().get("name").asString()).as("the display name stays as first given").isEqualTo(name);

        Api.Reply forced = api.post("/api/personas", """
                {"name": "%s", "description": "now with a green hat", "mottoTone": "comical", "force": true}
                """.formatted(name));
        assertThat(forced.status()).isEqualTo(202);
        String secondRequest = forced.body().get("requestId").asString();
        awaitCompleted(secondRequest);
        JsonNode images = api.get("/api/personas/" + Api.segment(slug)).body().get("images");
        assertThat(images).hasSize(2);
        assertThat(images.get(0).get("requestId").asString()).isEqualTo(requestId);
        assertThat(images.get(1).get("requestId").asString()).isEqualTo(secondRequest);
        assertThat(images.get(1).get("description").asString()).isEqualTo("now with a green hat");
    }

    @Test
    void redeliveredEventsNeverAddASecondImage() {
        String name = "Mary-Jane " + suffix();
        String requestId = api.post("/api/personas", "{\"name\": \"" + name + "\"}").body().get("requestId").asString();
        awaitCompleted(requestId);
        String slug = api.get("/api/requests/" + requestId).body().get("slug").asString();

        for (String topic : List.of(Topics.IMAGE_STORED, Topics.MOTTO_GENERATED)) {
            ConsumerRecord<String, byte[]> original = recordOf(topic, requestId);
            try (var producer = producer()) {
                producer.send(new ProducerRecord<>(topic, original.key(), original.value()));
                producer.send(new ProducerRecord<>(topic, original.key(), original.value()));
            }
        }
        // A new request of the same persona shares the partition, so it completes only after the redeliveries.
        String barrier = api.post("/api/personas", "{\"name\": \"" + name + "\", \"force\": true}")
                .body().get("requestId").asString();
        awaitCompleted(barrier);

        JsonNode images = api.get("/api/personas/" + Api.segment(slug)).body().get("images");
        assertThat(images).extracting(image -> image.get("requestId").asString()).containsExactly(requestId, barrier);
    }

    @Test
    void namesTheOriginalLostAreAllReachable() {
        List<String> names = List.of("O'Brien", "OBrien", "Mary Jane", "Mary-Jane", "McDonald", "Zoë", "李小龙");
        String run = suffix();
        List<String[]> accepted = new ArrayList<>();
        for (String base : names) {
            Api.Reply reply = api.post("/api/personas", "{\"name\": \"" + base + " " + run + "\"}");
            assertThat(reply.status()).as(base).isEqualTo(202);
            accepted.add(new String[] {base + " " + run, reply.body().get("slug").asString(),
                    reply.body().get("requestId").asString()});
        }
        assertThat(accepted).extracting(a -> a[1]).doesNotHaveDuplicates();
        for (String[] persona : accepted) {
            awaitCompleted(persona[2]);
            Api.Reply read = api.get("/api/personas/" + Api.segment(persona[1]));
            assertThat(read.status()).as(persona[0]).isEqualTo(200);
            assertThat(read.body().get("name").asString()).isEqualTo(persona[0]);
        }
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldAndStartsNothing() {
        Api.Reply reply = api.post("/api/personas", "{\"name\": \"  \", \"mottoTone\": \"furious\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("status").asInt()).isEqualTo(400);
        assertThat(reply.body().get("errors")).extracting(error -> error.get("field").asString())
                .contains("name", "mottoTone");

        Api.Reply malformed = api.post("/api/personas", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static void awaitCompleted(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Api.Reply reply = api.get("/api/requests/" + requestId);
            assertThat(reply.status()).as("a requestId the API returned is never 404").isEqualTo(200);
            status = reply.body();
            if (!"PENDING".equals(status.get("status").asString())) {
                break;
            }
            ServiceProcesses.sleep(100);
        }
        assertThat(status).isNotNull();
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
    }

    private static ConsumerRecord<String, byte[]> recordOf(String topic, String requestId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(requestId)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record of request " + requestId + " on " + topic);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
