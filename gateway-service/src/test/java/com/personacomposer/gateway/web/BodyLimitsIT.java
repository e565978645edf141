package com.personacomposer.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Every route's body limit fits its payload: a vote is a few bytes, a delete has none. Beyond it: 413 problem+json,
 * and the service behind the gateway sees nothing, whether the body declares its length or comes in chunks.
 */
class BodyLimitsIT extends GatewayIntegrationSupport {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static final String VOTES = "/api/personas/ada/images/img-1/votes";
    private static final String PADDED_VOTE = "{\"direction\":\"up\",\"padding\":\"" + "x".repeat(300) + "\"}";

    @Test
    void aVoteOfMoreThanAFewBytesIs413AndReachesNoService() {
        client.post().uri(VOTES).contentType(MediaType.APPLICATION_JSON).bodyValue(PADDED_VOTE).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The body is larger than 256 bytes.")
                .consumeWith(CONTRACT::assertResponse);

        BACKEND.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChunkedVoteIsReadUpToItsLimitBeforeAnyOfItGoesOn() {
        chunked(client.post().uri(VOTES), PADDED_VOTE).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        BACKEND.verify(0, anyRequestedFor(anyUrl()));

        BACKEND.stubFor(post(urlPathEqualTo(VOTES)).willReturn(okJson(Backends.votes("img-1", 1, 0, "up"))));
        chunked(client.post().uri(VOTES), "{\"direction\":\"up\"}").exchange().expectStatus().isOk();
        BACKEND.verify(postRequestedFor(urlPathEqualTo(VOTES)).withRequestBody(equalToJson("{\"direction\":\"up\"}")));
    }

    @Test
    void routesWithoutABodyTakeNone() {
        client.method(org.springframework.http.HttpMethod.DELETE).uri(VOTES).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"direction\":\"up\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.detail").isEqualTo("This request takes no body.");
        chunked(client.method(org.springframework.http.HttpMethod.DELETE).uri("/api/personas/ada/images/img-1"), "x")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        BACKEND.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Without a declared length the body goes out in chunks (Transfer-Encoding: chunked). */
    private static WebTestClient.RequestHeadersSpec<?> chunked(WebTestClient.RequestBodySpec request, String body) {
        int half = body.length() / 2;
        return request.contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just(body.substring(0, half), body.substring(half)), String.class);
    }
}
