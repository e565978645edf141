package com.personacomposer.motto.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.testing.EventConsumers;
import com.personacomposer.kit.testing.InTurn;
import com.personacomposer.motto.compose.MottoComposer;
import com.personacomposer.motto.compose.MottoRefusedException;
import com.personacomposer.motto.compose.MottoRequest;
import com.personacomposer.motto.pipeline.MottoService;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The chat provider against a WireMock server that answers in the shapes of OpenAI, Ollama and vLLM. */
@SpringBootTest(properties = {
    // Only the composer is exercised here; MottoServiceIT covers the Kafka flow.
    "spring.kafka.listener.auto-startup=false",
    "resilience4j.retry.instances.openai-chat.wait-duration=20ms",
    "resilience4j.retry.instances.openai-chat.exponential-max-wait-duration=100ms",
    "persona.motto.openai.timeout=1s",
    "resilience4j.circuitbreaker.instances.openai-chat.minimum-number-of-calls=1000",
    "persona.providers.max-retry-after=3s",
})
@DevStackTest
@ExtendWith(OutputCaptureExtension.class)
class OpenAiChatIT {

    private static final String API_KEY = "sk-test-" + UUID.randomUUID();
    private static final String CHAT = "/v1/chat/completions";
    private static final WireMockServer PROVIDER = started();

    @Autowired
    private MottoComposer composer;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private MottoService mottoService;

    @DynamicPropertySource
    static void pointAtTheStubProvider(DynamicPropertyRegistry registry) {
        registry.add("OPENAI_API_KEY", () -> API_KEY);
        registry.add("OPENAI_BASE_URL", () -> PROVIDER.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @BeforeEach
    void freshProvider() {
        PROVIDER.resetAll();
        circuitBreakers.circuitBreaker(OpenAiChatClient.INSTANCE).reset();
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    private static MottoRequest lighthouseKeeper() {
        return new MottoRequest("old tom", "Old Tom", "a retired lighthouse keeper", MottoTone.SOMBRE);
    }

    private static ResponseDefinitionBuilder reply(String content) {
        return completion("{\"role\":\"assistant\",\"content\":" + (content == null ? "null" : "\"" + content + "\"")
                + ",\"refusal\":null}", "stop");
    }

    private static ResponseDefinitionBuilder completion(String message, String finishReason) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"id":"chatcmpl-123","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":%s,"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":52,"completion_tokens":9,"total_tokens":61}}
                """.formatted(message, finishReason));
    }

    private static ResponseDefinitionBuilder openAiError(int status, String type, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"%s","type":"%s","param":null,"code":%s}}
                """.formatted(message, type, code == null ? "null" : "\"" + code + "\""));
    }

    private static void answerInTurn(ResponseDefinitionBuilder... answers) {
        InTurn.stub(PROVIDER, () -> post(CHAT), answers);
    }

    /** What composing the lighthouse keeper's motto throws while the provider gives {@code answer} every time. */
    private AbstractThrowableAssert<?, ? extends Throwable> composingFails(ResponseDefinitionBuilder answer) {
        PROVIDER.stubFor(post(CHAT).willReturn(answer));
        return assertThatThrownBy(() -> composer.compose(lighthouseKeeper()));
    }

    private static int calls() {
        return PROVIDER.findAll(postRequestedFor(urlEqualTo(CHAT))).size();
    }

    @Test
    void sendsTheOriginalPromptAndSettingsAndTrimsTheQuotesOffTheReply() {
        PROVIDER.stubFor(post(CHAT).willReturn(reply("\\\"The light outlives the keeper.\\\"\\n")));

        String motto = composer.compose(lighthouseKeeper());

        assertThat(motto).isEqualTo("The light outlives the keeper.");
        assertThat(composer.provider()).isEqualTo("openai");
        PROVIDER.verify(1, postRequestedFor(urlEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-mini",
                         "messages": [
                           {"role": "system", "content": "${json-unit.any-string}"},
                           {"role": "user", "content": "Generate a short character motto with the description: <description>a retired lighthouse keeper</description> in a sombre style"}],
                         "temperature": 0.7,
                         "max_tokens": 60}
                        """)));
    }

    @Test
    void retriesARateLimitAfterTheRetryAfterItWasGiven() {
        answerInTurn(openAiError(429, "requests", "rate_limit_exceeded", "Rate limit reached for gpt-4o-mini")
                .withHeader("Retry-After", "1"), reply("Keep the lamp lit."));
        long started = System.nanoTime();

        assertThat(composer.compose(lighthouseKeeper())).isEqualTo("Keep the lamp lit.");
        assertThat(calls()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesServerErrorsWithBackoff() {
        answerInTurn(openAiError(500, "server_error", null, "The server had an error while processing your request."),
                aResponse().withStatus(500).withBody("<html>Internal Server Error</html>"),
                reply("Storms pass; the light stays."));

        assertThat(composer.compose(lighthouseKeeper())).isEqualTo("Storms pass; the light stays.");
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void givesUpAfterThreeAttemptsSoTheRecordIsRetriedLater() {
        composingFails(openAiError(503, "server_error", null, "The engine is overloaded"))
                .isInstanceOf(ChatUnavailableException.class)
                .hasMessage("the chat provider is unavailable: HTTP 503 (server_error): The engine is overloaded");
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void doesNotRetryABadKey() {
        composingFails(openAiError(401, "invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: " + API_KEY.substring(0, 10) + "****. You can find your API key at ..."))
                .isInstanceOf(MottoRefusedException.class)
                .hasMessage("the chat provider refused the request: HTTP 401 (invalid_api_key)");
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void doesNotRetryAnExhaustedQuota() {
        composingFails(openAiError(429, "insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details."))
                .isInstanceOf(MottoRefusedException.class)
                .hasMessageStartingWith("the chat provider refused the request: HTTP 429 (insufficient_quota)");
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void anEmptyReplyFailsTheMotto() {
        composingFails(reply("  \\n "))
                .isInstanceOf(MottoRefusedException.class)
                .hasMessage("the chat model returned an empty motto");
    }

    @Test
    void aRefusalFailsTheMottoWithTheModelsWords() {
        composingFails(completion(
                "{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I'm sorry, I can't help with that.\"}", "stop"))
                .isInstanceOf(MottoRefusedException.class)
                .hasMessage("the chat model refused to write a motto: I'm sorry, I can't help with that.");
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void aContentFilterStopFailsTheMotto() {
        composingFails(completion(
                "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "content_filter"))
                .isInstanceOf(MottoRefusedException.class)
                .hasMessage("the chat provider's content filter stopped the motto");
    }

    @Test
    void understandsOllamaAndVllmErrorsWithNumericCodes() {
        // Ollama's OpenAI-compatible API: a missing model is a 404 with the status as error.code.
        composingFails(aResponse().withStatus(404).withBody(
                "{\"error\":{\"message\":\"model \\\"llama3\\\" not found, try pulling it first\","
                        + "\"type\":\"api_error\",\"param\":null,\"code\":404}}"))
                .isInstanceOf(MottoRefusedException.class)
                .hasMessage("the chat provider refused the request: HTTP 404 (api_error): "
                        + "model \"llama3\" not found, try pulling it first");
        assertThat(calls()).isEqualTo(1);

        // vLLM: an overloaded server's 503 with a numeric code is retried like OpenAI's.
        PROVIDER.resetAll();
        answerInTurn(aResponse().withStatus(503).withBody(
                        "{\"object\":\"error\",\"message\":\"Service overloaded\",\"type\":\"ServiceUnavailableError\","
                                + "\"param\":null,\"code\":503}"),
                reply("The tide keeps time."));
        assertThat(composer.compose(lighthouseKeeper())).isEqualTo("The tide keeps time.");
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void retriesAProviderThatDoesNotAnswerInTime() {
        composingFails(reply("Too late.").withFixedDelay(2_000))
                .isInstanceOf(ChatUnavailableException.class)
                .hasMessage("the chat provider did not answer in time");
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void anOpenCircuitFailsFastWithoutCallingTheProvider() {
        circuitBreakers.circuitBreaker(OpenAiChatClient.INSTANCE).transitionToOpenState();

        assertThatThrownBy(() -> composer.compose(lighthouseKeeper()))
                .isInstanceOf(ChatUnavailableException.class)
                .hasMessage("the chat provider is temporarily unavailable after repeated failures; try again in a minute");
        assertThat(calls()).isZero();
    }

    @Test
    void publishesResilienceMetricsForTheProvider() {
        PROVIDER.stubFor(post(CHAT).willReturn(reply("Counted.")));
        composer.compose(lighthouseKeeper());

        for (String meter : new String[] {"resilience4j.retry.calls", "resilience4j.circuitbreaker.state",
                "resilience4j.bulkhead.available.concurrent.calls"}) {
            assertThat(meters.find(meter).tag("name", OpenAiChatClient.INSTANCE).meters()).as(meter).isNotEmpty();
        }
    }

    @Test
    void neverLogsTheKey(CapturedOutput output) {
        PROVIDER.stubFor(post(CHAT).willReturn(openAiError(401, "invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: " + API_KEY)));
        mottoService.onPersonaRequested(requested());
        PROVIDER.resetAll();
        PROVIDER.stubFor(post(CHAT).willReturn(openAiError(400, "invalid_request_error", null,
                "Bad request from key " + API_KEY)));
        mottoService.onPersonaRequested(requested());
        PROVIDER.resetAll();
        PROVIDER.stubFor(post(CHAT).willReturn(openAiError(502, "server_error", null, "Bad gateway for " + API_KEY)));
        assertThatThrownBy(() -> mottoService.onPersonaRequested(requested()))
                .isInstanceOf(ChatUnavailableException.class)
                .message().doesNotContain(API_KEY).contains("[redacted]");

        assertThat(output.getAll())
                .contains("refused the request: HTTP 401 (invalid_api_key)", "Bad request from key [redacted]")
                .doesNotContain(API_KEY);
    }

    @Test
    void aRequestPastItsDeadlineFailsWithoutCallingTheProviderWhileAFreshOneIsComposed(Infrastructure infra) {
        PROVIDER.stubFor(post(CHAT).willReturn(reply("The light stays on")));
        PersonaRequested fresh = requested();
        PersonaRequested stale = requestedAgo(Duration.ofMinutes(6));

        mottoService.onPersonaRequested(stale);

        assertThat(calls()).as("provider calls for the stale request").isZero();
        mottoService.onPersonaRequested(fresh);
        assertThat(calls()).isEqualTo(1);
        Map<UUID, PersonaEvent> outcomes = awaitOutcomes(infra, stale.requestId(), fresh.requestId());
        PersonaFailed failed = (PersonaFailed) outcomes.get(stale.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.TIMEOUT);
        assertThat(failed.reason()).startsWith("timed out: the request waited 6 min").contains("the 5 min deadline");
        assertThat(outcomes.get(fresh.requestId())).isInstanceOf(MottoGenerated.class);
    }

    private static PersonaRequested requested() {
        return PersonaRequested.of(UUID.randomUUID(), "old tom", "Old Tom", "old-tom", "a retired lighthouse keeper",
                MottoTone.SOMBRE, ImageModel.LOCAL);
    }

    /** A request accepted {@code ago}, as a backlog after an outage delivers it. */
    private static PersonaRequested requestedAgo(Duration ago) {
        PersonaRequested now = requested();
        return new PersonaRequested(now.eventId(), now.occurredAt().minus(ago), now.requestId(), now.personaKey(),
                now.personaName(), now.slug(), now.description(), now.mottoTone(), now.model());
    }

    /** The first MottoGenerated or PersonaFailed of each request, as the pipeline sees them. */
    private static Map<UUID, PersonaEvent> awaitOutcomes(Infrastructure infra, UUID... requestIds) {
        Map<UUID, PersonaEvent> outcomes = new HashMap<>();
        try (var consumer = EventConsumers.fromTheStart(infra.kafkaBootstrapServers(),
                Topics.MOTTO_GENERATED, Topics.PERSONA_FAILED)) {
            Set<UUID> wanted = Set.of(requestIds);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (outcomes.size() < wanted.size() && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.contains(record.value().requestId())) {
                        outcomes.putIfAbsent(record.value().requestId(), record.value());
                    }
                }
            }
        }
        assertThat(outcomes).as("outcomes within 30 s").containsOnlyKeys(requestIds);
        return outcomes;
    }
}
