package com.personacomposer.motto.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chat call a PersonaRequested causes is a client span in that record's trace: a child of the listener's
 * consumer span, itself a child of the span the record's traceparent header names.
 */
@SpringBootTest(properties = {
    "OPENAI_API_KEY=sk-trace-test",
    // A group of its own (from the start of the topic), so another test class's cached context cannot take the
    // record away; what else is on the topic is answered too, in traces of its own.
    "spring.kafka.consumer.group-id=motto-trace-it-${random.uuid}"})
@DirtiesContext
@DevStackTest
class ProviderTraceIT {

    private static final WireMockServer PROVIDER = started();

    @Autowired
    private InMemorySpanExporter spans;

    @TestConfiguration
    static class CollectSpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void pointAtTheStubProvider(DynamicPropertyRegistry registry) {
        registry.add("OPENAI_BASE_URL", () -> PROVIDER.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Test
    void theProviderCallIsAChildSpanInTheRequestsTrace(Infrastructure infra) throws Exception {
        PROVIDER.stubFor(post("/v1/chat/completions").willReturn(okJson("""
                {"choices":[{"index":0,"message":{"role":"assistant","content":"Traced, therefore I am."},
                 "finish_reason":"stop"}]}""")));
        String traceId = hex(16);
        String parentSpanId = hex(8);
        PersonaRequested requested = PersonaRequested.of(UUID.randomUUID(), "ada " + UUID.randomUUID(), "Ada",
                "ada", "a mathematician", MottoTone.NEUTRAL, ImageModel.LOCAL);
        ProducerRecord<String, PersonaEvent> record = new ProducerRecord<>(Topics.PERSONA_REQUESTED,
                requested.personaKey(), requested);
        record.headers().add("traceparent",
                ("00-" + traceId + "-" + parentSpanId + "-01").getBytes(StandardCharsets.US_ASCII));
        try (var producer = new KafkaProducer<String, PersonaEvent>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new EventSerializer())) {
            producer.send(record).get();
        }

        SpanData client = awaitSpan(traceId, SpanKind.CLIENT, Duration.ofSeconds(30));

        SpanData ancestor = client;
        while (ancestor.getKind() != SpanKind.CONSUMER) {
            String parent = ancestor.getParentSpanId();
            ancestor = spanOf(traceId, parent).orElseThrow(() -> new AssertionError(
                    "span " + parent + " above the client span was not exported: " + spans.getFinishedSpanItems()));
        }
        assertThat(ancestor.getParentSpanId()).as("the listener continues the record's trace").isEqualTo(parentSpanId);
        List<String> callers = PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).stream()
                .map(call -> call.getHeader("traceparent"))
                .filter(header -> header != null && header.contains(traceId))
                .toList();
        assertThat(callers).as("the provider sees the client span as the caller")
                .containsExactly("00-" + traceId + "-" + client.getSpanId() + "-01");
    }

    private SpanData awaitSpan(String traceId, SpanKind kind, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " span in trace " + traceId + " within " + wait + ": "
                + spans.getFinishedSpanItems());
    }

    private Optional<SpanData> spanOf(String traceId, String spanId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getSpanId().equals(spanId))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
