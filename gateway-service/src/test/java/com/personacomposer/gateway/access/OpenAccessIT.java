package com.personacomposer.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/** Neither sign-in nor API keys configured: open as a private installation wants, with a few things still closed. */
@TestPropertySource(properties = "PERSONA_VOTER_SECRET=" + OpenAccessIT.VOTER_SECRET)
class OpenAccessIT extends GatewayIntegrationSupport {

    static final String VOTER_SECRET = "it-voter-secret-3f9a0c71";

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() { };
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    @Test
    void thePageLearnsThatThereIsNoSignIn() {
        client.get().uri("/api/auth/config").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().json("{\"enabled\":false}", true)
                .consumeWith(CONTRACT::assertResponse);
    }

    @Test
    void votesCountOncePerClientAddressWhateverTheClientClaims() {
        BACKEND.stubFor(post(urlPathMatching("/api/personas/ada/images/img-1/votes"))
                .willReturn(okJson(Backends.votes("img-1", 1, 0, "up"))));

        client.post().uri("/api/personas/ada/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .header("X-Persona-Voter", "anon:0000000000000000")
                .header("X-Persona-Principal", "alice")
                .header("X-Persona-Admin", "true")
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isOk();

        BACKEND.verify(postRequestedFor(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .withHeader("X-Persona-Voter", matching(String.join("|", ourPseudonyms())))
                .withHeader("X-Persona-Principal", absent())
                .withHeader("X-Persona-Admin", absent()));
    }

    @Test
    void theListCarriesNoPseudonymAndNoClaimedPrincipal() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(okJson(Backends.personaPage(0, 20))));

        client.get().uri("/api/personas").header("X-Persona-Principal", "alice").exchange().expectStatus().isOk();

        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas"))
                .withHeader("X-Persona-Voter", absent()).withHeader("X-Persona-Principal", absent()));
    }

    @Test
    void personaReadsCarryTheClientsVotingPseudonymSoItSeesItsOwnVotes() {
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/bea/images/img-1/votes"))
                .willReturn(okJson(Backends.votes("img-1", 2, 0, "up"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/bea")).willReturn(okJson(Backends.persona("Bea", "bea", "img-1"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/bea/images"))
                .willReturn(okJson(Backends.imagePage(null, "img-1"))));

        client.post().uri("/api/personas/bea/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"direction\":\"up\"}").exchange().expectStatus().isOk();
        client.get().uri("/api/personas/bea").header("X-Persona-Voter", "anon:0000000000000000").exchange()
                .expectStatus().isOk().expectBody().consumeWith(CONTRACT::assertResponse);
        client.get().uri("/api/personas/bea/images?after=img-0").exchange()
                .expectStatus().isOk().expectBody().consumeWith(CONTRACT::assertResponse);

        String voter = BACKEND.findAll(postRequestedFor(urlPathEqualTo("/api/personas/bea/images/img-1/votes")))
                .get(0).getHeader("X-Persona-Voter");
        assertThat(voter).matches("anon:[0-9a-f]{32}").isIn(ourPseudonyms());
        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas/bea"))
                .withHeader("X-Persona-Voter", equalTo(voter)).withHeader("X-Persona-Principal", absent()));
        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas/bea/images"))
                .withHeader("X-Persona-Voter", equalTo(voter)));
    }

    @Test
    void nobodyIsSomebodyAndNobodyDeletes() {
        client.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.delete().uri("/api/personas/ada/images/img-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        BACKEND.verify(0, getRequestedFor(urlPathEqualTo("/api/me")));
    }

    @Test
    void oneClientHoldsAtMostFourEventStreamsAndGetsAPlaceBackWhenOneCloses() {
        UUID requestId = UUID.randomUUID();
        BACKEND.stubFor(get(urlPathEqualTo("/api/requests/" + requestId))
                .willReturn(okJson(Backends.pending(requestId.toString(), "Ada", "ada"))));
        var streaming = client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        List<Disposable> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            open.add(streaming.get().uri("/api/requests/{id}/events", requestId).accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange().expectStatus().isOk().returnResult(SSE).getResponseBody().subscribe());
        }

        streaming.get().uri("/api/requests/{id}/events", requestId).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 4"))
                .consumeWith(CONTRACT::assertResponse);

        open.remove(0).dispose();
        awaitAccepted(streaming, requestId);
        open.forEach(Disposable::dispose);
    }

    /** This test's client is 127.0.0.1 or ::1 (counted by its /64 network), as localhost resolves. */
    private static List<String> ourPseudonyms() {
        return List.of(keyedPseudonymOf("127.0.0.1"), keyedPseudonymOf("0000000000000000::/64"));
    }

    /**
     * The pseudonym of an address is keyed with the deployment's secret: a stored vote names no address, and nobody
     * without the secret can find which address it was by hashing all addresses.
     */
    private static String keyedPseudonymOf(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(VOTER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "anon:" + HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closing a stream reaches the gateway over the network a moment later. */
    private static void awaitAccepted(org.springframework.test.web.reactive.server.WebTestClient streaming, UUID requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var result = streaming.get().uri("/api/requests/{id}/events", requestId).accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange().returnResult(SSE);
            int status = result.getStatus().value();
            result.getResponseBody().subscribe().dispose();
            if (status == 200) {
                return;
            }
            assertThat(System.nanoTime()).as("a closed stream gives its place back").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
