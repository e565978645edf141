package com.personacomposer.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;

/**
 * persona-service's {@code GET /api/requests/{id}} as it answers a request's principal (the body of its RequestView),
 * and nothing (404) to anyone else.
 */
final class PersonaServiceStub implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    PersonaServiceStub() {
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The status answer of a finished request, as persona-service shapes it (with the delivery state it shows). */
    static String status(UUID requestId, String status) {
        String error = "FAILED".equals(status)
                ? ", \"error\": {\"stage\": \"image\", \"message\": \"the image provider refused the prompt\"}" : "";
        String stage = "COMPLETED".equals(status) ? "DONE" : "FAILED".equals(status) ? "FAILED" : "PENDING";
        return "{\"requestId\": \"" + requestId + "\", \"personaName\": \"Zoë O'Brien\", "
                + "\"slug\": \"zoë-o-brien-8c1f2a3b\", \"status\": \"" + status + "\", "
                + "\"stages\": {\"image\": \"" + stage + "\", \"storage\": \"" + stage + "\", \"motto\": \"DONE\"}"
                + error + ", \"createdAt\": \"2026-11-26T08:15:20.000Z\", \"updatedAt\": \"2026-11-26T08:15:30.123Z\", "
                + "\"webhook\": {\"state\": \"pending\", \"attempts\": 0}}";
    }

    /** Answers the request's status to its principal. */
    void answers(UUID requestId, String principal, String body) {
        server.stubFor(get(urlPathEqualTo("/api/requests/" + requestId))
                .withHeader("X-Persona-Principal", equalTo(principal))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Answers 503 {@code times} times, then the status. */
    void unavailableThenAnswers(UUID requestId, String principal, int times, String body) {
        String scenario = "unavailable-" + requestId;
        String state = Scenario.STARTED;
        for (int i = 0; i < times; i++) {
            String next = "after-" + (i + 1);
            server.stubFor(get(urlPathEqualTo("/api/requests/" + requestId)).inScenario(scenario)
                    .whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(503)));
            state = next;
        }
        server.stubFor(get(urlPathEqualTo("/api/requests/" + requestId)).inScenario(scenario)
                .whenScenarioStateIs(state)
                .withHeader("X-Persona-Principal", equalTo(principal))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** How often the request's status was asked for. */
    int reads(UUID requestId) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/requests/" + requestId))).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
