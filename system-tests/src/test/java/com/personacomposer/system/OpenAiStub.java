package com.personacomposer.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import javax.imageio.ImageIO;

/**
 * A paid provider for tests of the whole system: WireMock answering as OpenAI's image generation and chat
 * completions do, the generated image served from the stub itself (storage-service downloads it from there).
 */
final class OpenAiStub implements AutoCloseable {

    static final String MOTTO = "Signed, sealed, delivered.";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    private OpenAiStub() {
    }

    static OpenAiStub start() {
        return start(Duration.ZERO);
    }

    /** A provider that takes {@code drawing} to generate each image (so a request stays in flight that long). */
    static OpenAiStub start(Duration drawing) {
        OpenAiStub stub = new OpenAiStub();
        stub.server.start();
        stub.server.stubFor(get(urlEqualTo("/files/portrait.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(portrait())));
        stub.server.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson("""
                {"created": 1764144930, "data": [{"url": "%s/files/portrait.png", "revised_prompt": "A portrait"}]}
                """.formatted(stub.origin())).withFixedDelay((int) drawing.toMillis())));
        stub.server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id": "chatcmpl-web", "object": "chat.completion", "created": 1764144930, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s", "refusal": null},
                              "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 40, "completion_tokens": 6, "total_tokens": 46}}
                """.formatted(MOTTO))));
        return stub;
    }

    /** The API's base URL (OPENAI_BASE_URL). */
    String baseUrl() {
        return origin() + "/v1";
    }

    /** Where its images are downloaded from (a host:port for STORAGE_ALLOWED_IMAGE_HOSTS). */
    String imageHost() {
        return "127.0.0.1:" + server.port();
    }

    private String origin() {
        return "http://" + imageHost();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static byte[] portrait() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, new Color(40 + x * 2, 90, 200 - y * 2).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
