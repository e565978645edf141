package com.personacomposer.gateway.request;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.SignedInSupport;
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

    /** This test's persona: requests recorded by other tests (or late, by an earlier one) are not this test's. */
    private final String name = uniqueName("Ada");

    @BeforeEach
    void recordsRequests() {
        personaServiceRecordsRequests();
    }

    @Test
    void anAnonymousCallerAskingForAWebhookIs401AndNothingIsRecorded() {
        EntityExchangeResult<byte[]> refused = create(null, name, "\"webhook\": \"" + PUBLIC_HOOK + "\"")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("webhook"))
                .returnResult();

        CONTRACT.assertResponse(refused);
        BACKEND.verify(0, recorded(name));
    }

    /** {@code fields}: what the create adds to its name; {@code why}: what the message of the field at fault says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an http URL     | \"webhook\": \"http://93.184.215.14/hooks\"              | webhook | the scheme 'http' is not allowed (only https)",
            "an ftp URL      | \"webhook\": \"ftp://93.184.215.14/hooks\"               | webhook | the scheme 'ftp' is not allowed",
            "private         | \"webhook\": \"https://10.1.2.3/hooks\"                  | webhook | 10.1.2.3 is a private address",
            "private, port   | \"webhook\": \"https://192.168.0.10:8443/hooks\"         | webhook | 192.168.0.10 is a private address",
            "loopback        | \"webhook\": \"https://127.0.0.1/hooks\"                 | webhook | 127.0.0.1 is a loopback address",
            "IPv6 loopback   | \"webhook\": \"https://[::1]/hooks\"                     | webhook | is a loopback address",
            "localhost       | \"webhook\": \"https://localhost/hooks\"                 | webhook | localhost resolves to an address that is not public",
            "metadata        | \"webhook\": \"https://169.254.169.254/latest/meta-data\" | webhook | (the cloud metadata service)",
            "IPv6 metadata   | \"webhook\": \"https://[fd00:ec2::254]/latest\"          | webhook | (the cloud metadata service)",
            "link-local      | \"webhook\": \"https://169.254.10.20/hooks\"             | webhook | 169.254.10.20 is a link-local address",
            "unknown event   | \"webhook\": \"https://93.184.215.14/h\", \"webhookEvents\": [\"completed\", \"done\"] | webhookEvents | may hold only completed, failed, canceled, not 'done'",
            "no events       | \"webhook\": \"https://93.184.215.14/h\", \"webhookEvents\": []           | webhookEvents | must be a non-empty array",
            "events unlisted | \"webhook\": \"https://93.184.215.14/h\", \"webhookEvents\": \"failed\"   | webhookEvents | must be a non-empty array"})
    void aWebhookThatMayNotBeDeliveredToOrBadEventsAre400NamingTheFieldAndNothingIsRecorded(
            String title, String fields, String field, String why) {
        EntityExchangeResult<byte[]> refused = create(KEY, name, fields)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(why))
                .returnResult();

        CONTRACT.assertResponse(refused);
        BACKEND.verify(0, recorded(name));
    }

    @Test
    void aValidWebhookGoesToPersonaServiceWithAllThreeEventsByDefaultAndThePrincipal() {
        create(KEY, name, "\"webhook\": \"" + PUBLIC_HOOK + "\"")
                .expectStatus().isAccepted()
                .expectBody().consumeWith(CONTRACT::assertResponse);

        BACKEND.verify(recorded(name)
                .withHeader("X-Persona-Principal", equalTo("key:hooks"))
                .withRequestBody(equalToJson("{\"webhook\": {\"url\": \"" + PUBLIC_HOOK + "\", "
                        + "\"events\": [\"completed\", \"failed\", \"canceled\"]}}", false, true)));
    }

    @Test
    void theEventsAskedForAreForwardedAndNoWebhookMeansNoneIsSent() {
        create(KEY, name, "\"webhook\": \"" + PUBLIC_HOOK + "\", \"webhookEvents\": [\"canceled\", \"failed\"]")
                .expectStatus().isAccepted();
        BACKEND.verify(recorded(name)
                .withRequestBody(equalToJson("{\"webhook\": {\"url\": \"" + PUBLIC_HOOK + "\", "
                        + "\"events\": [\"failed\", \"canceled\"]}}", false, true)));

        String plain = uniqueName("Bo");
        create(KEY, plain, "\"description\": \"tall\"").expectStatus().isAccepted();
        assertThat(BACKEND.findAll(recorded(plain)))
                .singleElement().satisfies(recorded -> assertThat(recorded.getBodyAsString()).doesNotContain("\"webhook\""));
    }

    /**
     * A create of a new persona with {@code fields} added, with the API key {@code key} (null: anonymous). The first
     * accepted one of a new context waits for the Kafka producer to start: more than the default 5 s on a busy machine.
     */
    private WebTestClient.ResponseSpec create(String key, String name, String fields) {
        WebTestClient.RequestBodySpec request = client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/personas").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return request.bodyValue("{\"name\": \"" + name + "\", " + fields + "}").exchange();
    }

    private static RequestPatternBuilder recorded(String name) {
        return putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withRequestBody(matchingJsonPath("$.personaName", equalTo(name)));
    }
}
