package com.personacomposer.persona.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.events.EventDeserializer;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running persona-service from outside, as its neighbours do: events onto the devstack's Kafka with plain
 * kafka-clients, HTTP with java.net.http.
 */
public final class Pipeline implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE_GROUP = "persona-service";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<String, PersonaEvent> producer;
    private final Admin admin;

    public Pipeline(int port) {
        this.baseUrl = "http://localhost:" + port;
        String bootstrap = DevStack.shared().kafkaBootstrapServers();
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class);
        this.producer = new KafkaProducer<>(producerConfig);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Publishes as the other services do: to the event's topic, keyed by persona. */
    public void publish(PersonaEvent... events) {
        for (PersonaEvent event : events) {
            try {
                producer.send(new ProducerRecord<>(Topics.of(event), event.personaKey(), event)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish " + event, e);
            }
        }
    }

    /** Waits until persona-service has committed every record published so far to these topics. */
    public void awaitConsumed(String... topics) {
        Awaitility.await("persona-service consumed " + String.join(", ", topics))
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> lag(List.of(topics)) == 0);
    }

    private long lag(List<String> topics) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(SERVICE_GROUP).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            lag += ends.get(partition) - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Every event on the topic so far, read from the beginning with a group of its own. */
    public List<PersonaEvent> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "persona-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, PersonaEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<PersonaEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading " + topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
            }
            return events;
        }
    }

    public Response get(String path) {
        return get(path, java.util.Map.of());
    }

    public Response get(String path, java.util.Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Response put(String path, Object body) {
        return put(path, body, java.util.Map.of());
    }

    public Response put(String path, Object body, java.util.Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    public Response post(String path, Object body) {
        return post(path, body, java.util.Map.of());
    }

    public Response post(String path, Object body, java.util.Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response delete(String path, java.util.Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    /** Fetches a URL the service handed out (a presigned image URL), as a browser would. */
    public HttpResponse<byte[]> fetch(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A path segment as clients send it: percent-encoded UTF-8. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** {@code body}: JSON text as it is, anything else written as JSON; null: no body. */
    private Response send(String method, String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    body instanceof String raw ? raw : JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String contentLocation, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
