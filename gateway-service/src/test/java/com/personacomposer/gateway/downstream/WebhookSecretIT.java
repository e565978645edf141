package com.personacomposer.gateway.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.SignedInSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The signing secret routes: refused by the gateway for anonymous callers, else webhook-service's answer as it is. */
class WebhookSecretIT extends SignedInSupport {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5mx4YOUsSbs=";
    private static final String ROTATED = "whsec_3q2+7wXkQm1s0Yb5ZpHcVn8tRj4uLd6eAoGfIyTxWkE=";

    @Test
    void anonymousCallersAre401AndWebhookServiceIsNeverAsked() {
        client.get().uri("/api/webhooks/secret").header("X-Persona-Principal", "key:hooks").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody().consumeWith(CONTRACT::assertResponse);
        client.post().uri("/api/webhooks/secret/rotate").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().consumeWith(CONTRACT::assertResponse);
        client.get().uri("/api/webhooks/secret").header("X-API-Key", "it-not-a-key").exchange()
                .expectStatus().isUnauthorized();

        BACKEND.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPrincipalsSecretIsReadFromWebhookServiceUncached() {
        String body = "{\"secret\":\"" + SECRET + "\"}";
        webhookServiceAnswers(get(urlPathEqualTo("/api/webhooks/secret"))
                .withHeader("X-Persona-Principal", equalTo("key:hooks")), body);

        client.get().uri("/api/webhooks/secret").header("X-API-Key", KEY).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).isEqualTo(body);
        client.get().uri("/api/webhooks/secret").header("X-API-Key", KEY).exchange()
                .expectBody().consumeWith(CONTRACT::assertResponse);

        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/webhooks/secret"))
                .withHeader("X-API-Key", absent()).withHeader(HttpHeaders.AUTHORIZATION, absent()));
    }

    @Test
    void aRotationIsAskedForThePrincipalAndItsAnswerComesBack() {
        String body = "{\"secret\":\"" + ROTATED + "\",\"previousSecretValidUntil\":\"2026-12-08T15:04:05Z\"}";
        webhookServiceAnswers(post(urlPathEqualTo("/api/webhooks/secret/rotate"))
                .withHeader("X-Persona-Principal", equalTo("key:ops")), body);

        client.post().uri("/api/webhooks/secret/rotate").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk()
                .expectBody().json(body).consumeWith(CONTRACT::assertResponse);

        BACKEND.verify(1, postRequestedFor(urlPathEqualTo("/api/webhooks/secret/rotate")));
    }

    /** webhook-service answers {@code call} with a secret: JSON, never to be cached. */
    private static void webhookServiceAnswers(MappingBuilder call, String body) {
        BACKEND.stubFor(call.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader(HttpHeaders.CACHE_CONTROL, "no-store").withBody(body)));
    }
}
