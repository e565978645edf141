package com.personacomposer.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/**
 * An issuer shaped like a real OpenID provider (discovery document and key set on WireMock) whose signing key the
 * test holds, so a test can sign tokens of any shape a provider issues. Its token endpoint may live on another
 * origin than the issuer, as Cognito's hosted UI does.
 */
public final class TestIssuer {

    public static final RSAKey SIGNING_KEY = rsaKey("issuer-key");

    private final WireMockServer server;
    private final String tokenOrigin;

    private TestIssuer(String tokenOrigin) {
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "issuer-stop"));
        this.tokenOrigin = tokenOrigin != null ? tokenOrigin : uri();
        publish();
    }

    /** Authorization and token endpoints under the issuer, as Keycloak and Spring Authorization Server have them. */
    public static TestIssuer started() {
        return new TestIssuer(null);
    }

    /** Authorization and token endpoints on {@code hostedUi}, another origin, as Cognito has them. */
    public static TestIssuer withHostedUi(String hostedUi) {
        return new TestIssuer(hostedUi);
    }

    public String uri() {
        return "http://localhost:" + server.port();
    }

    public String tokenOrigin() {
        return tokenOrigin;
    }

    /** Discovery and key set as an OpenID provider publishes them; only the public key is published. */
    private void publish() {
        server.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer":"%1$s","authorization_endpoint":"%2$s/oauth2/authorize","token_endpoint":"%2$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile"]}
                """.formatted(uri(), tokenOrigin))));
        server.stubFor(get(urlPathEqualTo("/oauth2/jwks"))
                .willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
    }

    /** Claims every valid token of this issuer has: iss, sub, iat, nbf, exp (five minutes from now). */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(uri())
                .subject(subject)
                .issueTime(Date.from(now.minusSeconds(60)))
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    public static String signed(JWTClaimsSet.Builder claims) {
        return signed(SIGNING_KEY, null, claims);
    }

    public static String signed(RSAKey key, JOSEObjectType type, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
