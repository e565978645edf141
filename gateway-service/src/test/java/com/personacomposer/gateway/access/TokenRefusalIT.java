package com.personacomposer.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import com.personacomposer.gateway.testing.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tokens the gateway must refuse, each wrong in exactly one way, against an issuer shaped like a real OpenID
 * provider ({@link TestIssuer}) and an audience configured. Every refusal is 401 problem+json with
 * {@code error="invalid_token"}, names what is wrong, and reaches no service behind the gateway. The shapes of each
 * provider's ID and access tokens are {@link ProviderTokensIT}'s.
 */
class TokenRefusalIT extends GatewayIntegrationSupport {

    private static final String AUDIENCE = "persona-api";
    /** Another key under the same key id: only the signature can tell them apart. */
    private static final RSAKey OTHER_KEY = TestIssuer.rsaKey("issuer-key");
    private static final TestIssuer ISSUER = TestIssuer.started();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("PERSONA_OIDC_ISSUER_URI", TokenRefusalIT::issuerUri);
        registry.add("PERSONA_OIDC_AUDIENCE", () -> AUDIENCE);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(claims(issuerUri(), AUDIENCE, Instant.now().plusSeconds(300)).build()).serialize();

        refused(unsigned, "none");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        // Every claim is right: only the signature is wrong.
        refused(TestIssuer.signed(OTHER_KEY, null, claims(issuerUri(), AUDIENCE, Instant.now().plusSeconds(300))),
                "failed to validate");
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(TestIssuer.signed(claims(issuerUri(), AUDIENCE, Instant.now().minusSeconds(600))), "expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(TestIssuer.signed(claims(issuerUri(), "another-app", Instant.now().plusSeconds(300))), "aud");
    }

    @Test
    void aTokenOfThePagesClientButNotForTheConfiguredAudienceIsRefused() {
        refused(TestIssuer.signed(claims(issuerUri(), "persona-web", Instant.now().plusSeconds(300))
                .claim("azp", "persona-web")), "aud");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(TestIssuer.signed(claims("https://elsewhere.example", AUDIENCE, Instant.now().plusSeconds(300))), "iss");
    }

    @Test
    void aTokenThatIsNoJwtAtAllIsRefusedOnReadsToo() {
        client.get().uri("/api/personas").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"persona-composer\", error=\"invalid_token\"")
                .expectBody().consumeWith(result -> OpenApiContract.load().assertResponse("GET", "/api/personas", 401,
                        result.getResponseHeaders(), result.getResponseBody()));
    }

    @Test
    void aTokenForTheConfiguredAudienceIsAcceptedWhicheverClientItWasIssuedTo() {
        BACKEND.stubFor(post(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .willReturn(okJson(Backends.votes("img-1", 1, 0, "up"))));

        client.mutate().responseTimeout(Duration.ofSeconds(30)).build().post().uri("/api/personas/ada/images/img-1/votes")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIssuer.signed(
                        claims(issuerUri(), AUDIENCE, Instant.now().plusSeconds(300)).claim("azp", "batch-client")))
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isOk();

        BACKEND.verify(postRequestedFor(urlPathEqualTo("/api/personas/ada/images/img-1/votes"))
                .withHeader("X-Persona-Principal", equalTo("user:mallory")));
    }

    @Test
    void thePageIsToldWhereToSignIn() {
        client.mutate().responseTimeout(Duration.ofSeconds(10)).build().get().uri("/api/auth/config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.issuer").isEqualTo(issuerUri())
                .jsonPath("$.clientId").isEqualTo("persona-web")
                .jsonPath("$.scopes").isEqualTo("openid profile")
                .jsonPath("$.authorizationEndpoint").isEqualTo(issuerUri() + "/oauth2/authorize")
                .jsonPath("$.tokenEndpoint").isEqualTo(issuerUri() + "/oauth2/token")
                .jsonPath("$.endSessionEndpoint").doesNotExist();
    }

    private void refused(String token, String reason) {
        // The first token makes the gateway fetch the issuer's discovery document and keys: allow for a cold start.
        WebTestClient.BodyContentSpec body = client.mutate().responseTimeout(Duration.ofSeconds(30)).build().post().uri("/api/personas/ada/images/img-1/votes")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"persona-composer\", error=\"invalid_token\"")
                .expectBody();
        body.jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(detail -> assertThat(((String) detail).toLowerCase()).contains(reason));
        BACKEND.verify(0, postRequestedFor(urlPathMatching("/api/personas/.*")));
    }

    private static JWTClaimsSet.Builder claims(String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("mallory")
                .audience(audience)
                .claim("preferred_username", "mallory")
                .claim("scope", "openid profile")
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .notBeforeTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry));
    }

    private static String issuerUri() {
        return ISSUER.uri();
    }
}
