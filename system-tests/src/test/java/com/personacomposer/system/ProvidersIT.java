package com.personacomposer.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.personacomposer.devstack.EmbeddedInfrastructure;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole system with the real provider clients, pointed at stubs shaped like OpenAI and Replicate (the requests
 * and answers docs/providers.md describes): each model completes end to end, and the stubs received exactly the request fields the real APIs need.
 */
@Order(4)
class ProvidersIT {

    private static final String OPENAI_KEY = "sk-e2e-test-key";
    private static final String REPLICATE_TOKEN = "r8_e2e_test_token";

    private static EmbeddedInfrastructure infra;
    private static WireMockServer providers;
    private static ServiceProcesses services;
    private static Api api;

    @BeforeAll
    static void startSystem() throws IOException {
        infra = EmbeddedInfrastructure.forTests(Files.createTempDirectory("providers-"));
        providers = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        providers.start();
        stubProviders();
        String base = "http://127.0.0.1:" + providers.port();
        services = ServiceProcesses.start("providers", infra, Map.of(
                "OPENAI_API_KEY", OPENAI_KEY,
                "OPENAI_BASE_URL", base + "/v1",
                "REPLICATE_API_TOKEN", REPLICATE_TOKEN,
                "REPLICATE_BASE_URL", base + "/v1",
                "STORAGE_ALLOWED_IMAGE_HOSTS", "127.0.0.1:" + providers.port()));
        api = new Api(services.gateway());
    }

    @AfterAll
    static void stopSystem() throws Exception {
        Stopping.all(services, providers == null ? null : providers::stop, infra);
    }

    @Test
    void modelsReportTheConfiguredProviders() {
        JsonNode models = api.get("/api/models").body().get("models");

        assertThat(models).allSatisfy(model -> assertThat(model.get("available").asBoolean()).as(model.toString()).isTrue());
    }

    @Test
    void dallEAndTheChatModelCompleteEndToEnd() {
        String name = "Dall E " + UUID.randomUUID().toString().substring(0, 6);

        JsonNode image = create(name, "dall-e");

        assertThat(image.get("model").asString()).isEqualTo("dall-e");
        assertThat(image.get("motto").asString()).as("quotes trimmed").isEqualTo("Salt in my hair, stars in my plans.");
        assertThat(Api.fetch(image.get("url").asString()).body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        providers.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("dall-e-3")))
                .withRequestBody(matchingJsonPath("$.size", equalTo("1024x1024")))
                .withRequestBody(matchingJsonPath("$.n", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.prompt", containing(
                        "Photorealistic social media profile photo of a person called " + name
                                + " with the attributes red hair"))));
        providers.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.7")))
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'user')].content", containing("red hair"))));
    }

    @Test
    void openJourneyCompletesEndToEndOverSeveralPolls() {
        String name = "Open Journey " + UUID.randomUUID().toString().substring(0, 6);

        JsonNode image = create(name, "openjourney");

        assertThat(image.get("model").asString()).isEqualTo("openjourney");
        providers.verify(postRequestedFor(urlEqualTo("/v1/predictions"))
                .withHeader("Authorization", equalTo("Bearer " + REPLICATE_TOKEN))
                .withHeader("Prefer", containing("wait"))
                .withRequestBody(matchingJsonPath("$.version",
                        equalTo("9936c2001faa2194a261c01381f90e65261879985476014a0a37a334593a05eb")))
                .withRequestBody(matchingJsonPath("$.input.prompt", containing(
                        "mdjrny-v4 style Photorealistic social media profile photo of a person called " + name))));
    }

    private static JsonNode create(String name, String model) {
        Api.Reply accepted = api.post("/api/personas", """
                {"name": "%s", "description": "red hair, loves the ocean at night", "mottoTone": "sarcastic", "model": "%s"}
                """.formatted(name, model));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String requestId = accepted.body().get("requestId").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode status = api.get("/api/requests/" + requestId).body();
        while (status.get("status").asString().equals("PENDING") && System.nanoTime() < deadline) {
            ServiceProcesses.sleep(200);
            status = api.get("/api/requests/" + requestId).body();
        }
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
        JsonNode images = api.get("/api/personas/" + Api.segment(accepted.body().get("slug").asString())).body().get("images");
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    private static void stubProviders() throws IOException {
        String base = "http://127.0.0.1:" + providers.port();
        byte[] png = png();
        providers.stubFor(get(urlEqualTo("/files/portrait.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        providers.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson("""
                {"created": 1764144930, "data": [{"url": "%s/files/portrait.png",
                 "revised_prompt": "A photorealistic portrait of a red-haired person by the ocean at night"}]}
                """.formatted(base))));
        providers.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id": "chatcmpl-e2e", "object": "chat.completion", "created": 1764144930, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "\\"Salt in my hair, stars in my plans.\\"", "refusal": null},
                              "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 40, "completion_tokens": 9, "total_tokens": 49}}
                """)));
        String prediction = """
                {"id": "p-e2e", "version": "9936c2001faa2194a261c01381f90e65261879985476014a0a37a334593a05eb",
                 "status": "%s", "output": %s, "error": null,
                 "urls": {"get": "%s/v1/predictions/p-e2e", "cancel": "%s/v1/predictions/p-e2e/cancel"}}
                """;
        providers.stubFor(post(urlEqualTo("/v1/predictions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(prediction.formatted("starting", "null", base, base))));
        providers.stubFor(get(urlEqualTo("/v1/predictions/p-e2e")).inScenario("prediction")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("processing")
                .willReturn(okJson(prediction.formatted("processing", "null", base, base))));
        providers.stubFor(get(urlEqualTo("/v1/predictions/p-e2e")).inScenario("prediction")
                .whenScenarioStateIs("processing")
                .willReturn(okJson(prediction.formatted("succeeded", "[\"" + base + "/files/portrait.png\"]", base, base))));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, new Color(200, 40 + y * 2, 60 + x * 2).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
