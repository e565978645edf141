package com.personacomposer.gateway.status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import com.personacomposer.kit.testing.InTurn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

class RequestEventsIT extends GatewayIntegrationSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() { };

    @Test
    void streamsTheCurrentStateThenEachChangeThenCompleted() {
        UUID requestId = UUID.randomUUID();
        String pending = status(requestId, "PENDING", "PENDING");
        String imageDone = status(requestId, "PENDING", "DONE");
        String completed = status(requestId, "COMPLETED", "DONE");
        statuses(requestId, pending, pending, imageDone, imageDone, completed);

        List<ServerSentEvent<String>> events = stream(requestId);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("status", "status", "status", "completed");
        assertThat(events).extracting(ServerSentEvent::data).containsExactly(pending, imageDone, completed, completed);
    }

    @Test
    void aLateSubscriberGetsTheFinalStateAndTheEnd() {
        UUID requestId = UUID.randomUUID();
        String failed = "{\"requestId\":\"" + requestId + "\",\"status\":\"FAILED\",\"error\":{\"stage\":\"image\",\"message\":\"refused\"}}";
        statuses(requestId, failed);

        assertThat(stream(requestId)).extracting(ServerSentEvent::event).containsExactly("status", "failed");
    }

    @Test
    void aCanceledRequestsStreamEndsWithCanceled() {
        UUID requestId = UUID.randomUUID();
        String pending = status(requestId, "PENDING", "DONE");
        String canceled = status(requestId, "CANCELED", "DONE");
        statuses(requestId, pending, pending, canceled);

        List<ServerSentEvent<String>> events = stream(requestId);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("status", "status", "canceled");
        assertThat(events).extracting(ServerSentEvent::data).containsExactly(pending, canceled, canceled);
    }

    @Test
    void anUnknownRequestIs404Problem() {
        UUID requestId = UUID.randomUUID();
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + requestId)).willReturn(aResponse().withStatus(404)));

        client.get().uri("/api/requests/{id}/events", requestId)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/requests/not-a-request/events")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private List<ServerSentEvent<String>> stream(UUID requestId) {
        return client.mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/requests/{id}/events", requestId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE)
                .getResponseBody()
                .filter(event -> event.event() != null)
                .collectList()
                .block(Duration.ofSeconds(20));
    }

    private static void statuses(UUID requestId, String... bodies) {
        InTurn.stub(BACKEND, () -> get(urlPathEqualTo("/api/requests/" + requestId)),
                Stream.of(bodies).map(WireMock::okJson).toArray(ResponseDefinitionBuilder[]::new));
    }

    private static String status(UUID requestId, String state, String image) {
        return "{\"requestId\":\"" + requestId + "\",\"personaName\":\"Ada\",\"slug\":\"ada\",\"status\":\"" + state
                + "\",\"stages\":{\"image\":\"" + image + "\",\"storage\":\"PENDING\",\"motto\":\"PENDING\"}}";
    }
}
