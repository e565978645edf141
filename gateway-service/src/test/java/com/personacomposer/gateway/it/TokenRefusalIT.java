package com.personacomposer.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
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
 * provider (discovery document and key set) whose signing key this test holds. Every refusal is 401 problem+json
 * with {@code error="invalid_token"}, names what is wrong, and reaches no service behind the gateway.
 */
class TokenRefusalIT extends GatewayIntegrationSupport {

    private static final String AUDIENCE = "persona-web";
    private static final RSAKey SIGNING_KEY = rsaKey("issuer-key");
    /** Another key under the same key id: only the signature can tell them apart. */
    private static final RSAKey OTHER_KEY = rsaKey("issuer-key");
    private static final WireMockServer ISSUER = startIssuer();

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
        refused(signed(OTHER_KEY, claims(issuerUri(), AUDIENCE, Instant.now().plusSeconds(300))), "failed to validate");
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(signed(SIGNING_KEY, claims(issuerUri(), AUDIENCE, Instant.now().minusSeconds(600))), "expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(signed(SIGNING_KEY, claims(issuerUri(), "another-app", Instant.now().plusSeconds(300))), "aud");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(signed(SIGNING_KEY, claims("https://elsewhere.example", AUDIENCE, Instant.now().plusSeconds(300))), "iss");
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
    void thePageIsToldWhereToSignIn() {
        client.get().uri("/api/auth/config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.issuer").isEqualTo(issuerUri())
                .jsonPath("$.clientId").isEqualTo("persona-web")
                .jsonPath("$.scopes").isEqualTo("openid profile");
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
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .notBeforeTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry));
    }

    private static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issuerUri() {
        return "http://localhost:" + ISSUER.port();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discovery and key set as an OpenID provider publishes them; only the public key is published. */
    private static WireMockServer startIssuer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "issuer-stop"));
        String issuer = "http://localhost:" + server.port();
        server.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile"]}
                """.formatted(issuer))));
        server.stubFor(get(urlPathEqualTo("/oauth2/jwks"))
                .willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
        return server;
    }
}
