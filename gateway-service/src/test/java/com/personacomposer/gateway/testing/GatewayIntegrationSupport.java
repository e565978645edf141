package com.personacomposer.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.testing.InTurn;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The packaged gateway on a random port, on the devstack's Kafka, with persona-service (and image-service and
 * webhook-service) played by one WireMock server. Every IT extends this, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DevStackTest
// Every IT request comes from one address; AccessIT tests the limit itself (its properties shadow these).
// The stubbed persona-service finishes requests without a finish event, so waiting POSTs must check often.
@TestPropertySource(properties = {"PERSONA_RATE_LIMIT_PER_MINUTE=6000", "PERSONA_RATE_LIMIT_BURST=1000",
        "PERSONA_VOTE_RATE_LIMIT_PER_MINUTE=6000", "PERSONA_VOTE_RATE_LIMIT_BURST=1000",
        "PERSONA_CANCEL_RATE_LIMIT_PER_MINUTE=6000", "PERSONA_CANCEL_RATE_LIMIT_BURST=1000",
        "persona.gateway.finish-check-interval=500ms"})
public abstract class GatewayIntegrationSupport {

    protected static final WireMockServer BACKEND = startBackend();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("PERSONA_SERVICE_URI", BACKEND::baseUrl);
        registry.add("IMAGE_SERVICE_URL", BACKEND::baseUrl);
        registry.add("WEBHOOK_SERVICE_URI", BACKEND::baseUrl);
    }

    @BeforeEach
    void resetBackend() {
        BACKEND.resetAll();
    }

    /** A persona name no other test (or earlier run on the shared broker) uses. */
    protected static String uniqueName(String first) {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return first + " " + word;
    }

    /** POST /api/personas with this JSON body, as the page sends it. */
    protected WebTestClient.RequestHeadersSpec<?> createPersona(String json) {
        return client.post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    /** persona-service records every new request: PUT /internal/requests/{id} answers 201 with it, PENDING. */
    protected static void personaServiceRecordsRequests() {
        BACKEND.stubFor(put(urlPathMatching("/internal/requests/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(Backends.RECORDED)
                .withTransformers("response-template")));
    }

    /**
     * GET /api/requests/{any} answers these states in turn (COMPLETED, FAILED at the image stage, CANCELED, else
     * PENDING), then keeps answering the last.
     */
    protected static void requestStatuses(PersonaName name, String... states) {
        ResponseDefinitionBuilder[] answers = Stream.of(states)
                .map(state -> okJson(requestStatus(name, state)).withTransformers("response-template"))
                .toArray(ResponseDefinitionBuilder[]::new);
        InTurn.stub(BACKEND, () -> get(urlPathMatching("/api/requests/[^/]+")), answers);
    }

    private static String requestStatus(PersonaName name, String state) {
        return switch (state) {
            case "COMPLETED" -> Backends.completed(Backends.PATH_REQUEST_ID, name.displayName(), name.slug());
            case "FAILED" -> Backends.requestStatus(Backends.PATH_REQUEST_ID, name.displayName(), name.slug(),
                    "FAILED", "FAILED", "PENDING", "DONE", "image", "the provider refused the prompt");
            case "CANCELED" -> Backends.canceled(Backends.PATH_REQUEST_ID, name.displayName(), name.slug());
            default -> Backends.pending(Backends.PATH_REQUEST_ID, name.displayName(), name.slug());
        };
    }

    private static WireMockServer startBackend() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }
}
