package com.personacomposer.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.gateway.apidocs.OpenApiContract;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /api/personas with a webhook: who may ask for one, which URLs are refused, what persona-service is sent. */
class WebhookIntakeIT extends SignedInSupport {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    /** A public address, so no name has to resolve on the machine running the tests. */
    private static final String PUBLIC_HOOK = "https://93.184.215.14/hooks/personas?source=composer";

    @BeforeEach
    void personaServiceRecordsRequests() {
        BACKEND.stubFor(put(urlPathMatching("/internal/requests/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"{{request.pathSegments.[2]}}\",\"status\":\"PENDING\"}")
                .withTransformers("response-template")));
    }

    @Test
    void anAnonymousCallerAskingForAWebhookIs401AndNothingIsRecorded() {
        EntityExchangeResult<byte[]> refused = create(null, "\"webhook\": \"" + PUBLIC_HOOK + "\"")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("webhook"))
                .returnResult();

        conforms(refused);
        BACKEND.verify(0, putRequestedFor(urlPathMatching("/internal/requests/.*")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://93.184.215.14/hooks             | the scheme 'http' is not allowed (only https)",
            "https://10.1.2.3/hooks                 | 10.1.2.3 is a private address",
            "https://192.168.0.10:8443/hooks        | 192.168.0.10 is a private address",
            "https://127.0.0.1/hooks                | 127.0.0.1 is a loopback address",
            "https://[::1]/hooks                    | is a loopback address",
            "https://localhost/hooks                | localhost resolves to an address that is not public",
            "https://169.254.169.254/latest/meta-data | (the cloud metadata service)",
            "https://[fd00:ec2::254]/latest         | (the cloud metadata service)",
            "https://169.254.10.20/hooks            | 169.254.10.20 is a link-local address",
            "ftp://93.184.215.14/hooks              | the scheme 'ftp' is not allowed"})
    void aWebhookThatMayNotBeDeliveredToIs400NamingTheFieldAndNothingIsRecorded(String url, String why) {
        EntityExchangeResult<byte[]> refused = create(KEY, "\"webhook\": \"" + url + "\"")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("webhook")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .startsWith("must be an https URL on the public internet").contains(why))
                .returnResult();

        conforms(refused);
        BACKEND.verify(0, putRequestedFor(urlPathMatching("/internal/requests/.*")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[\"completed\", \"done\"]  | may hold only completed, failed, canceled, not 'done'",
            "[]                          | must be a non-empty array",
            "\"completed\"               | must be a non-empty array"})
    void unknownOrNoWebhookEventsAre400NamingWebhookEvents(String events, String why) {
        create(KEY, "\"webhook\": \"" + PUBLIC_HOOK + "\", \"webhookEvents\": " + events)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("webhookEvents")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(why))
                .consumeWith(WebhookIntakeIT::conforms);
        BACKEND.verify(0, putRequestedFor(urlPathMatching("/internal/requests/.*")));
    }

    @Test
    void aValidWebhookGoesToPersonaServiceWithAllThreeEventsByDefaultAndThePrincipal() {
        create(KEY, "\"webhook\": \"" + PUBLIC_HOOK + "\"")
                .expectStatus().isAccepted()
                .expectBody().consumeWith(WebhookIntakeIT::conforms);

        BACKEND.verify(putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withHeader("X-Persona-Principal", equalTo("key:hooks"))
                .withRequestBody(equalToJson("{\"webhook\": {\"url\": \"" + PUBLIC_HOOK + "\", "
                        + "\"events\": [\"completed\", \"failed\", \"canceled\"]}}", false, true)));
    }

    @Test
    void theEventsAskedForAreForwardedAndNoWebhookMeansNoneIsSent() {
        create(KEY, "\"webhook\": \"" + PUBLIC_HOOK + "\", \"webhookEvents\": [\"canceled\", \"failed\"]")
                .expectStatus().isAccepted();
        BACKEND.verify(putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(equalToJson("{\"webhook\": {\"url\": \"" + PUBLIC_HOOK + "\", "
                        + "\"events\": [\"failed\", \"canceled\"]}}", false, true)));

        BACKEND.resetRequests();
        create(KEY, "\"description\": \"no webhook\"").expectStatus().isAccepted();
        assertThat(BACKEND.findAll(putRequestedFor(urlPathMatching("/internal/requests/.*"))))
                .singleElement().satisfies(recorded -> assertThat(recorded.getBodyAsString()).doesNotContain("webhook"));
    }

    /**
     * A create of a new persona with {@code fields} added, with the API key {@code key} (null: anonymous). The first
     * accepted one of a new context waits for the Kafka producer to start: more than the default 5 s on a busy machine.
     */
    private WebTestClient.ResponseSpec create(String key, String fields) {
        WebTestClient.RequestBodySpec request = client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return request.bodyValue("{\"name\": \"" + uniqueName("Ada") + "\", " + fields + "}").exchange();
    }

    private static void conforms(EntityExchangeResult<byte[]> result) {
        CONTRACT.assertResponse(result.getMethod().name(), result.getUrl().getRawPath(), result.getStatus().value(),
                result.getResponseHeaders(), result.getResponseBody());
    }
}
