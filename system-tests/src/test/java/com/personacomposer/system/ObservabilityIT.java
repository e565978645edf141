package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackExtension;
import com.personacomposer.events.Topics;
import com.personacomposer.system.OtlpReceiver.Kind;
import com.personacomposer.system.OtlpReceiver.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * What an operator has to find a request and see why it is slow: one trace across the services (spans exported by
 * OTLP to a receiver in this JVM), the request id in every service's JSON log lines, and metrics that move.
 */
@Order(5)
@ResourceLock(RunningSystem.LOCK)
@ExtendWith(DevStackExtension.class)
class ObservabilityIT {

    private static final List<String> PIPELINE =
            List.of("image-service", "motto-service", "storage-service", "persona-service");
    /** The services every request passes through; webhook-service only hears of requests that asked for a webhook. */
    private static final List<String> EVERY_REQUEST = List.of("gateway-service", "image-service", "motto-service",
            "storage-service", "persona-service");

    private static ServiceProcesses services;
    private static Api api;

    @BeforeAll
    static void startSystem() {
        services = RunningSystem.get();
        api = new Api(services.gateway());
    }

    @Test
    void oneRequestIsOneTraceFromTheGatewayThroughEveryStageAndItsIdIsInEveryServicesLogs() {
        String requestId = accept("{\"name\": \"Trace Tina " + suffix() + "\", \"mottoTone\": \"comical\"}");
        assertThat(awaitFinal(requestId)).isEqualTo("COMPLETED");
        String traceId = traceIdOf(requestId);

        OtlpReceiver traces = RunningSystem.traces();
        eventually(Duration.ofSeconds(30), () -> assertThat(kafkaSpans(traces.spans(traceId)))
                .as("the Kafka spans of trace " + traceId)
                .containsAll(Set.of("gateway-service PRODUCER persona.requested",
                        "image-service CONSUMER persona.requested", "image-service PRODUCER persona.image.generated",
                        "motto-service CONSUMER persona.requested", "motto-service PRODUCER persona.motto.generated",
                        "storage-service CONSUMER persona.image.generated",
                        "storage-service PRODUCER persona.image.stored",
                        "persona-service CONSUMER persona.image.stored",
                        "persona-service CONSUMER persona.motto.generated",
                        "persona-service PRODUCER persona.completed")));
        eventually(Duration.ofSeconds(30), () -> {
            List<Span> spans = traces.spans(traceId);
            Set<String> spanIds = spans.stream().map(Span::spanId).collect(Collectors.toSet());
            assertThat(spans).filteredOn(span -> !spanIds.contains(span.parentSpanId()))
                    .as("one root: the gateway's POST /api/personas")
                    .singleElement().satisfies(root -> {
                        assertThat(root.service()).isEqualTo("gateway-service");
                        assertThat(root.kind()).isEqualTo(Kind.SERVER);
                    });
            assertThat(spans).extracting(span -> span.service() + " " + span.kind())
                    .as("the gateway's call recording the request, and persona-service answering it")
                    .contains("gateway-service CLIENT", "persona-service SERVER");
        });

        for (String service : EVERY_REQUEST) {
            List<JsonNode> lines = logLines(service, requestId);
            assertThat(lines).as(service + " logs request " + requestId).isNotEmpty();
            assertThat(lines).extracting(line -> line.path("traceId").asString())
                    .as(service + " logs the request under its trace id").containsOnly(traceId);
        }
    }

    @Test
    void aCompletedAndAFailedRequestMoveTheCountersAndTheLatencyHistogram() {
        Map<String, PrometheusScrape> before = scrapeAll();

        String completed = accept("{\"name\": \"Metric Mia " + suffix() + "\", \"mottoTone\": \"sombre\"}");
        // No OpenAI key in this system: the image stage fails at once, without calling a provider.
        String failed = accept("{\"name\": \"Metric Max " + suffix() + "\", \"model\": \"dall-e\", "
                + "\"mottoTone\": \"comical\"}");
        assertThat(awaitFinal(completed)).isEqualTo("COMPLETED");
        assertThat(awaitFinal(failed)).isEqualTo("FAILED");

        Map<String, String> local = Map.of("model", "local", "tone", "sombre");
        Map<String, String> dallE = Map.of("model", "dall-e", "tone", "comical");
        Map<String, String> dallEAtImage = Map.of("model", "dall-e", "tone", "comical", "stage", "image");
        Map<String, String> localSuccess = Map.of("provider", "local", "outcome", "success");
        Map<String, String> success = Map.of("outcome", "success");
        List<Moved> expected = List.of(
                new Moved("persona-service", "persona_requests_accepted_total", local, 1),
                new Moved("persona-service", "persona_requests_accepted_total", dallE, 1),
                new Moved("persona-service", "persona_requests_completed_total", local, 1),
                new Moved("persona-service", "persona_requests_failed_total", dallEAtImage, 1),
                new Moved("persona-service", "persona_generation_duration_seconds_count", local, 1),
                new Moved("persona-service", "persona_generation_duration_seconds_bucket", with(local, "le", "+Inf"), 1),
                new Moved("persona-service", "persona_generation_duration_seconds_sum", local, 0.001),
                new Moved("image-service", "persona_provider_calls_seconds_count", localSuccess, 1),
                new Moved("motto-service", "persona_provider_calls_seconds_count", localSuccess, 2),
                new Moved("storage-service", "persona_storage_download_seconds_count", success, 1),
                new Moved("storage-service", "persona_storage_download_size_bytes_sum", Map.of(), 1000),
                new Moved("storage-service", "persona_storage_upload_seconds_count", success, 1),
                new Moved("storage-service", "persona_storage_upload_size_bytes_sum", Map.of(), 1000));
        AtomicReference<Map<String, PrometheusScrape>> scraped = new AtomicReference<>();
        await("the metrics to move", Duration.ofSeconds(15), () -> {
            scraped.set(scrapeAll());
            return expected.stream().allMatch(moved -> moved.in(before, scraped.get()));
        });
        Map<String, PrometheusScrape> after = scraped.get();

        for (Moved moved : expected) {
            assertThat(moved.delta(before, after)).as(moved.toString()).isGreaterThanOrEqualTo(moved.atLeast());
        }
        assertThat(after.get("persona-service").sum("persona_requests_failed_total", Map.of("model", "local")))
                .as("the completed request failed nowhere").isEqualTo(before.get("persona-service")
                        .sum("persona_requests_failed_total", Map.of("model", "local")));
        // The histogram has buckets: the dashboard's p50/p95/p99 come from them.
        assertThat(after.get("persona-service").series("persona_generation_duration_seconds_bucket")
                .stream().filter(sample -> sample.matches(local)).count()).isGreaterThan(10);
    }

    @Test
    void consumerLagBreakerStatesAndDeadLettersAreExported() {
        Map<String, PrometheusScrape> scrapes = scrapeAll();

        for (String service : PIPELINE) {
            PrometheusScrape scrape = scrapes.get(service);
            assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max", Map.of("application", service)))
                    .as(service + " consumer lag").isTrue();
            assertThat(scrape.has("persona_dead_letters_total", Map.of("topic", Topics.PERSONA_REQUESTED)))
                    .as(service + " dead letters").isTrue();
        }
        for (String service : List.of("image-service", "motto-service")) {
            assertThat(scrapes.get(service).has("resilience4j_circuitbreaker_state", Map.of("state", "closed")))
                    .as(service + " breaker state").isTrue();
        }
    }

    /** A counter, histogram count or sum of one service that must have grown by at least {@code atLeast}. */
    record Moved(String service, String metric, Map<String, String> labels, double atLeast) {

        double delta(Map<String, PrometheusScrape> before, Map<String, PrometheusScrape> after) {
            return after.get(service).sum(metric, labels) - before.get(service).sum(metric, labels);
        }

        boolean in(Map<String, PrometheusScrape> before, Map<String, PrometheusScrape> after) {
            return delta(before, after) >= atLeast;
        }
    }

    static Map<String, PrometheusScrape> scrapeAll() {
        Map<String, PrometheusScrape> scrapes = new HashMap<>();
        for (String service : ServiceProcesses.SERVICES) {
            scrapes.put(service, PrometheusScrape.of(services, service));
        }
        return scrapes;
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return more;
    }

    /** "service KIND topic" of each Kafka span (Spring Kafka names them "{topic} send" and "{topic} receive"). */
    private static Set<String> kafkaSpans(List<Span> spans) {
        return spans.stream()
                .filter(span -> span.kind() == Kind.PRODUCER || span.kind() == Kind.CONSUMER)
                .map(span -> span.service() + " " + span.kind() + " " + span.name().split(" ")[0])
                .collect(Collectors.toSet());
    }

    /** The trace the request's PersonaRequested travels in, from its W3C traceparent header. */
    private static String traceIdOf(String requestId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.infrastructure().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "observability-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PERSONA_REQUESTED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(requestId)) {
                        Header traceparent = record.headers().lastHeader("traceparent");
                        assertThat(traceparent).as("W3C trace context on the record").isNotNull();
                        // version-traceid-spanid-flags
                        return new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
                    }
                }
            }
        }
        throw new AssertionError("no PersonaRequested of request " + requestId);
    }

    /** The service's JSON log lines whose requestId field is the request's. */
    private static List<JsonNode> logLines(String service, String requestId) {
        try (var lines = Files.lines(services.log(service))) {
            return lines.filter(line -> line.contains(requestId))
                    .map(line -> {
                        assertThat(line).as(service + " logs JSON lines").startsWith("{");
                        return Api.JSON.readTree(line);
                    })
                    .filter(json -> requestId.equals(json.path("requestId").asString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String accept(String json) {
        Api.Reply reply = api.post("/api/personas", json);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.body().get("requestId").asString();
    }

    private static String awaitFinal(String requestId) {
        String[] status = {"PENDING"};
        await("request " + requestId + " to finish", Duration.ofSeconds(60), () -> {
            status[0] = api.get("/api/requests/" + requestId).body().get("status").asString();
            return !"PENDING".equals(status[0]);
        });
        return status[0];
    }

    /** Retries the assertion until it holds or the time is up (then it fails with what it last saw). */
    private static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notYet;
                }
                ServiceProcesses.sleep(200);
            }
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
            ServiceProcesses.sleep(200);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
