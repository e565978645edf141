package com.personacomposer.image.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.MottoTone;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against stubbed OpenAI and Replicate APIs (one WireMock server for the JVM, so every provider test
 * shares one Spring context). Resilience windows and waits are shrunk so retries, timeouts and the circuit breaker
 * can be watched in seconds. The Kafka listener stays off: the pipeline IT's context owns persona.requested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "OPENAI_API_KEY=" + ProviderStubs.OPENAI_KEY,
    "OPENAI_IMAGE_MODEL=dall-e-3",
    "OPENAI_IMAGE_SIZE=1024x1024",
    "REPLICATE_API_TOKEN=" + ProviderStubs.REPLICATE_TOKEN,
    "persona.image.public-url=http://image-service.test:8082",
    "persona.image.openai.timeout=1s",
    "persona.image.replicate.timeout=2s",
    "persona.image.replicate.poll-interval=50ms",
    "persona.image.replicate.deadline=2s",
    "persona.providers.max-retry-after=1500ms",
    "resilience4j.retry.configs.provider.wait-duration=20ms",
    "resilience4j.retry.configs.provider.exponential-max-wait-duration=100ms",
    "resilience4j.circuitbreaker.configs.provider.sliding-window-size=4",
    "resilience4j.circuitbreaker.configs.provider.minimum-number-of-calls=4",
    "resilience4j.circuitbreaker.configs.provider.wait-duration-in-open-state=1s",
    "resilience4j.circuitbreaker.configs.provider.permitted-number-of-calls-in-half-open-state=1",
    "spring.kafka.listener.auto-startup=false"})
@DevStackTest
public abstract class ProviderStubs {

    public static final String OPENAI_KEY = "sk-test-4f2b9c1e8d7a6b5c4d3e2f1a0SECRET";
    public static final String REPLICATE_TOKEN = "r8_Test9z8y7x6w5v4u3t2s1r0SECRET";

    protected static final WireMockServer stub = start();

    @Autowired
    protected CircuitBreakerRegistry breakers;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }

    @DynamicPropertySource
    static void providerUrls(DynamicPropertyRegistry registry) {
        registry.add("OPENAI_BASE_URL", () -> stub.baseUrl() + "/v1");
        registry.add("REPLICATE_BASE_URL", () -> stub.baseUrl() + "/v1");
    }

    @BeforeEach
    void freshProviders() {
        stub.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    protected static ImagePrompt prompt(String name, String description) {
        return new ImagePrompt(name, description, MottoTone.NEUTRAL);
    }

    /** The prompt the original app would send for this name and description. */
    protected static String originalPrompt(String name, String description) {
        return "Photorealistic social media profile photo of a person called " + name + " with the attributes "
                + description + " - Sigma 24mm f/8 — wider angle, smaller focal length";
    }
}
