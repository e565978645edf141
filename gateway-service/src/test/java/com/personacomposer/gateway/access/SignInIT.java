package com.personacomposer.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.personacomposer.devstack.test.BrowserSignIn;
import com.personacomposer.devstack.test.OidcProviderProcess;
import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The gateway trusting the devstack OpenID provider (its own process), with tokens got by signing in there as the
 * web page's browser does, and an API key beside them: who reaches persona-service as whom.
 */
@TestPropertySource(properties = {"PERSONA_ADMINS=user:alice", "PERSONA_API_KEYS=ci=" + SignInIT.KEY})
class SignInIT extends GatewayIntegrationSupport {

    static final String KEY = "it-key-ci-7d01a9";
    private static String demoToken;
    private static String aliceToken;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("PERSONA_OIDC_ISSUER_URI", () -> OidcProviderProcess.shared().issuer());
    }

    @BeforeAll
    static void signIn() {
        demoToken = BrowserSignIn.signIn(OidcProviderProcess.shared().issuer(), "demo", "demo").accessToken();
        aliceToken = BrowserSignIn.signIn(OidcProviderProcess.shared().issuer(), "alice", "alice").accessToken();
    }

    @Test
    void aSignedInUserVotesAsThemselvesAndTheirTokenStaysAtTheGateway() {
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .willReturn(okJson(Backends.votes("img-1", 1, 0, "up"))));

        client.post().uri("/api/personas/ada/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + demoToken)
                .header("X-Persona-Admin", "true")
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isOk();

        BACKEND.verify(postRequestedFor(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .withHeader("X-Persona-Principal", equalTo("user:demo"))
                .withHeader("X-Persona-Principal-Name", equalTo("demo"))
                .withHeader("X-Persona-Admin", equalTo("false"))
                .withHeader(HttpHeaders.AUTHORIZATION, absent())
                .withHeader("X-Persona-Voter", absent()));
    }

    @Test
    void anAdminIsSaidToBeOneAndMayAskToDelete() {
        BACKEND.stubFor(delete(urlPathEqualTo("/api/personas/ada/images/img-1")).willReturn(aResponse().withStatus(204)));

        client.delete().uri("/api/personas/ada/images/img-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken)
                .exchange()
                .expectStatus().isNoContent();

        BACKEND.verify(deleteRequestedFor(urlPathEqualTo("/api/personas/ada/images/img-1"))
                .withHeader("X-Persona-Principal", equalTo("user:alice"))
                .withHeader("X-Persona-Admin", equalTo("true")));
    }

    @Test
    void anonymousCallersMayNotVoteDeleteOrAskWhoTheyAre() {
        client.post().uri("/api/personas/ada/images/img-1/votes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"");
        client.delete().uri("/api/personas/ada/images/img-1/votes").exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/personas/ada/images/img-1").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.status").isEqualTo(401);

        BACKEND.verify(0, postRequestedFor(urlPathMatching("/api/.*")));
        BACKEND.verify(0, deleteRequestedFor(urlPathMatching("/api/.*")));
        BACKEND.verify(0, getRequestedFor(urlPathEqualTo("/api/me")));
    }

    @Test
    void meIsAnsweredByPersonaServiceForTheCaller() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/me")).willReturn(okJson("{\"id\":\"user:demo\",\"name\":\"demo\","
                + "\"admin\":false,\"quota\":{\"used\":3,\"limit\":25,\"resetsAt\":\"2026-12-07T00:00:00Z\"}}")));

        EntityExchangeResult<byte[]> me = client.get().uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + demoToken)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("user:demo")
                .returnResult();
        // Only a signed-in caller gets this answer, so it is checked against the OpenAPI document here.
        OpenApiContract.load().assertResponse("GET", "/api/me", 200, me.getResponseHeaders(), me.getResponseBody());

        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/me")).withHeader("X-Persona-Principal", equalTo("user:demo")));
    }

    @Test
    void personaReadsCarryTheSignedInReaderSoTheirOwnVotesShowAndAnonymousReadsCarryNobody() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada")).willReturn(okJson(Backends.persona("Ada", "ada", "img-1"))));
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas/ada/images"))
                .willReturn(okJson(Backends.imagePage(null, "img-1"))));

        client.get().uri("/api/personas/ada").header(HttpHeaders.AUTHORIZATION, "Bearer " + demoToken).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/personas/ada/images").header(HttpHeaders.AUTHORIZATION, "Bearer " + demoToken).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/personas/ada").header("X-Persona-Voter", "anon:0000000000000000").exchange()
                .expectStatus().isOk();

        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas/ada"))
                .withHeader("X-Persona-Principal", equalTo("user:demo")).withHeader(HttpHeaders.AUTHORIZATION, absent()));
        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas/ada/images"))
                .withHeader("X-Persona-Principal", equalTo("user:demo")));
        BACKEND.verify(getRequestedFor(urlPathEqualTo("/api/personas/ada"))
                .withHeader("X-Persona-Principal", absent()).withHeader("X-Persona-Voter", absent()));
    }

    @Test
    void anApiKeyIsAPrincipalOfItsOwnAndIsNeverHandedOnEvenOnReads() {
        BACKEND.stubFor(get(urlPathEqualTo("/api/personas")).willReturn(okJson(Backends.personaPage(0, 20))));

        client.get().uri("/api/personas").header("X-API-Key", KEY).exchange().expectStatus().isOk();
        client.get().uri("/api/personas").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY).exchange().expectStatus().isOk();

        BACKEND.verify(2, getRequestedFor(urlPathEqualTo("/api/personas"))
                .withHeader("X-Persona-Principal", equalTo("key:ci"))
                .withHeader("X-API-Key", absent())
                .withHeader(HttpHeaders.AUTHORIZATION, absent()));
    }

    @Test
    void anonymousCallersCreateWithTheFreeModelOnlyAndSignedInCallersAreNamedAtIntake() {
        personaServiceRecordsRequests();

        createPersona("{\"name\": \"" + uniqueName("Ada") + "\", \"model\": \"dall-e\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"");
        BACKEND.verify(0, putRequestedFor(urlPathMatching("/internal/requests/.*")));

        createPersona("{\"name\": \"" + uniqueName("Ada") + "\", \"model\": \"local\"}")
                .exchange()
                .expectStatus().isAccepted();
        BACKEND.verify(1, putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withHeader("X-Persona-Principal", absent()));

        createPersona("{\"name\": \"" + uniqueName("Ada") + "\", \"model\": \"dall-e\"}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + demoToken)
                .exchange()
                .expectStatus().isAccepted();
        BACKEND.verify(1, putRequestedFor(urlPathMatching("/internal/requests/.*"))
                .withHeader("X-Persona-Principal", equalTo("user:demo"))
                .withHeader("X-Persona-Admin", equalTo("false"))
                .withHeader(HttpHeaders.AUTHORIZATION, absent()));
    }
}
