package com.personacomposer.image.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.PromptBuilder;
import com.personacomposer.image.provider.ProviderStubs;
import com.personacomposer.kit.provider.ProviderUnavailableException;
import com.personacomposer.kit.testing.InTurn;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DALL-E through the real client, its retries, breaker and bulkhead, against OpenAI's documented answers. */
class OpenAiImagesIT extends ProviderStubs {

    private static final String GENERATIONS = "/v1/images/generations";
    private static final String IMAGE_URL = "https://oaidalleapiprodscus.blob.core.windows.net/private/img-abc.png?se=x&sig=y";

    @Autowired
    OpenAiImageProvider dallE;

    @Autowired
    OpenAiImagesClient client;

    @Autowired
    PromptBuilder prompts;

    @Test
    void dallE3AnswersWithAUrlAndItsRevisedPrompt() {
        stub.stubFor(post(GENERATIONS).willReturn(okJson("""
                {"created": 1713833628, "data": [{"url": "%s",
                  "revised_prompt": "A photorealistic profile photo of Ada, a mathematician, wide angle"}]}
                """.formatted(IMAGE_URL))));

        GeneratedImage image = dallE.generate(prompt("Ada Lovelace", "a mathematician"));

        assertThat(image).isEqualTo(new GeneratedImage.Hosted(URI.create(IMAGE_URL),
                "A photorealistic profile photo of Ada, a mathematician, wide angle"));
        stub.verify(1, postRequestedFor(urlEqualTo(GENERATIONS))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "dall-e-3", "prompt": "%s", "n": 1, "size": "1024x1024", "response_format": "url"}
                        """.formatted(originalPrompt("Ada Lovelace", "a mathematician")))));
    }

    @Test
    void gptImage1AnswersWithBase64AndIsNotSentAResponseFormat() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        stub.stubFor(post(GENERATIONS).willReturn(okJson("""
                {"created": 1713833628, "data": [{"b64_json": "%s"}],
                 "usage": {"total_tokens": 100, "input_tokens": 50, "output_tokens": 50}}
                """.formatted(Base64.getEncoder().encodeToString(png)))));
        OpenAiImageProvider gptImage = provider("gpt-image-1", "1536x1024");

        GeneratedImage image = gptImage.generate(prompt("Ada Lovelace", "a mathematician"));

        assertThat(image).isInstanceOfSatisfying(GeneratedImage.Inline.class, inline -> {
            assertThat(inline.bytes()).isEqualTo(png);
            assertThat(inline.revisedPrompt()).isNull();
        });
        stub.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson("""
                {"model": "gpt-image-1", "prompt": "%s", "n": 1, "size": "1536x1024"}
                """.formatted(originalPrompt("Ada Lovelace", "a mathematician")))));
    }

    @Test
    void dallE2GetsAPromptWithinItsLimitWithTheNameWhole() {
        stub.stubFor(post(GENERATIONS).willReturn(okJson("{\"data\": [{\"url\": \"" + IMAGE_URL + "\"}]}")));
        String name = "Maximilian Alexander von Habsburg-Lothringen the Third of the Very Long Names";
        String description = "a meticulous archivist who catalogues every single thing. ".repeat(14);

        provider("dall-e-2", "512x512").generate(prompt(name, description));

        String sent = body(requests().get(0)).path("prompt").asString();
        assertThat(sent).hasSizeLessThanOrEqualTo(1000)
                .startsWith("Photorealistic social media profile photo of a person called " + name + " with the attributes a meticulous")
                .endsWith(" - Sigma 24mm f/8 — wider angle, smaller focal length");
        assertThat(body(requests().get(0)).path("size").asString()).isEqualTo("512x512");
    }

    @Test
    void aRateLimitWithRetryAfterIsRetriedAfterTheAskedPause() {
        InTurn.stub(stub, () -> post(GENERATIONS),
                error(429, "rate_limit_exceeded", "requests", "Rate limit reached for images per minute")
                        .withHeader("Retry-After", "1"),
                okJson("{\"data\": [{\"url\": \"" + IMAGE_URL + "\"}]}"));

        assertThat(dallE.generate(prompt("Ada", "a mathematician"))).isInstanceOf(GeneratedImage.Hosted.class);

        List<ServeEvent> calls = requests();
        assertThat(calls).hasSize(2);
        long pause = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(pause).as("ms between the attempts").isGreaterThanOrEqualTo(900);
    }

    @Test
    void aRetryAfterBeyondTheCapIsCapped() {
        InTurn.stub(stub, () -> post(GENERATIONS),
                error(429, "rate_limit_exceeded", "requests", "Rate limit reached").withHeader("Retry-After", "3600"),
                okJson("{\"data\": [{\"url\": \"" + IMAGE_URL + "\"}]}"));

        long started = System.nanoTime();
        dallE.generate(prompt("Ada", "a mathematician"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aRateLimitWithoutHeadersIsRetriedWithBackoff() {
        recoversAfter(error(429, "rate_limit_exceeded", "requests", "Rate limit reached"));
    }

    @Test
    void serverErrorsAreRetriedUntilOneSucceeds() {
        recoversAfter(error(500, "server_error", "server_error", "The server had an error"),
                error(500, "server_error", "server_error", "The server had an error"));
    }

    @Test
    void aProviderThatStaysDownFailsWithItsOwnMessageAfterThreeAttempts() {
        stub.stubFor(post(GENERATIONS).willReturn(error(503, null, "server_error",
                "The engine is currently overloaded, please try again later")));

        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "a mathematician")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("DALL-E is unavailable: HTTP 503 server_error: "
                        + "The engine is currently overloaded, please try again later");
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aContentPolicyRefusalIsFinalAfterExactlyOneCall() {
        stub.stubFor(post(GENERATIONS).willReturn(error(400, "content_policy_violation", "invalid_request_error",
                "Your request was rejected as a result of our safety system. Your prompt may contain text that is "
                        + "not allowed by our safety system.")));

        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "something forbidden")))
                .hasMessage("DALL-E refused the request: HTTP 400 content_policy_violation: Your request was rejected "
                        + "as a result of our safety system. Your prompt may contain text that is not allowed by our "
                        + "safety system.");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void anInvalidKeyIsNotRetriedAndNotQuotedBack() {
        stub.stubFor(post(GENERATIONS).willReturn(error(401, "invalid_api_key", "invalid_request_error",
                "Incorrect API key provided: " + OPENAI_KEY + ". You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.")));

        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "a mathematician")))
                .hasMessageStartingWith("DALL-E refused the request: HTTP 401 invalid_api_key: Incorrect API key provided: [redacted]")
                .message().doesNotContain(OPENAI_KEY);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void anExhaustedQuotaIsNotRetried() {
        stub.stubFor(post(GENERATIONS).willReturn(error(429, "insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details.")));

        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "a mathematician")))
                .hasMessage("DALL-E refused the request: HTTP 429 insufficient_quota: You exceeded your current quota, "
                        + "please check your plan and billing details.");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aCallSlowerThanTheTimeoutIsRetried() {
        recoversAfter(okJson("{\"data\": [{\"url\": \"" + IMAGE_URL + "\"}]}").withFixedDelay(1500));
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndClosesWhenTheProviderRecovers() {
        stub.stubFor(post(GENERATIONS).willReturn(error(500, "server_error", "server_error", "The server had an error")));
        CircuitBreaker breaker = breakers.circuitBreaker(OpenAiImagesClient.INSTANCE);

        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "a mathematician"))).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "a mathematician")))
                .hasMessage("DALL-E is temporarily unavailable after repeated failures; try again in a minute");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = requests().size();
        assertThat(callsWhenOpened).as("window of four calls").isEqualTo(4);

        assertThatThrownBy(() -> dallE.generate(prompt("Ada", "a mathematician")))
                .hasMessageContaining("temporarily unavailable");
        assertThat(requests()).as("an open breaker calls nobody").hasSize(callsWhenOpened);

        stub.resetAll();
        stub.stubFor(post(GENERATIONS).willReturn(okJson("{\"data\": [{\"url\": \"" + IMAGE_URL + "\"}]}")));
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        assertThat(dallE.generate(prompt("Ada", "a mathematician"))).isInstanceOf(GeneratedImage.Hosted.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** The provider answers {@code failures} in turn, then the image: the image comes, after one call each. */
    private void recoversAfter(ResponseDefinitionBuilder... failures) {
        ResponseDefinitionBuilder[] answers = Arrays.copyOf(failures, failures.length + 1);
        answers[failures.length] = okJson("{\"data\": [{\"url\": \"" + IMAGE_URL + "\"}]}");
        InTurn.stub(stub, () -> post(GENERATIONS), answers);

        assertThat(dallE.generate(prompt("Ada", "a mathematician"))).isInstanceOf(GeneratedImage.Hosted.class);
        assertThat(requests()).hasSize(answers.length);
    }

    private OpenAiImageProvider provider(String model, String size) {
        return new OpenAiImageProvider(new OpenAiImageProperties(OPENAI_KEY, URI.create(stub.baseUrl() + "/v1"),
                model, size, Duration.ofSeconds(1)), client, prompts);
    }

    private static List<ServeEvent> requests() {
        return stub.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static JsonNode body(ServeEvent event) {
        return JsonMapper.builder().build().readTree(event.getRequest().getBodyAsString());
    }

    /** OpenAI's error envelope. */
    private static ResponseDefinitionBuilder error(int status, String code, String type, String message) {
        String codeJson = code == null ? "null" : "\"" + code + "\"";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_123")
                .withBody("""
                        {"error": {"message": "%s", "type": "%s", "param": null, "code": %s}}
                        """.formatted(message, type, codeJson));
    }
}
