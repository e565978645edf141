package com.personacomposer.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.GatewayIntegrationSupport;
import com.personacomposer.gateway.testing.TestIssuer;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The ID and access tokens each kind of provider issues, signed by an issuer shaped like Cognito (its hosted UI,
 * with the authorization and token endpoints, on another origin than the issuer) with no audience configured: only
 * access tokens issued to the page's client count. Each refusal is 401 problem+json with
 * {@code error="invalid_token"} and reaches no service behind the gateway.
 */
@TestPropertySource(properties = {"PERSONA_OIDC_CLIENT_ID=" + ProviderTokensIT.CLIENT,
        "PERSONA_API_KEYS=ci=" + ProviderTokensIT.KEY, "PERSONA_ADMINS=key:ci"})
class ProviderTokensIT extends GatewayIntegrationSupport {

    /** Cognito generates client ids like this one. */
    static final String CLIENT = "5d8e1kq7ab3c9ofu0r2ht6gm1s";
    static final String KEY = "it-key-providers-4c1e";
    private static final String HOSTED_UI = "https://persona-it.auth.eu-west-1.amazoncognito.com";
    private static final TestIssuer ISSUER = TestIssuer.withHostedUi(HOSTED_UI);
    private static final String VOTES = "/api/personas/ada/images/img-1/votes";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("PERSONA_OIDC_ISSUER_URI", ISSUER::uri);
    }

    @BeforeEach
    void votesAreCounted() {
        BACKEND.stubFor(post(urlPathEqualTo(VOTES)).willReturn(okJson(Backends.votes("img-1", 1, 0, "up"))));
    }

    @Test
    void aCognitoAccessTokenOfThePagesClientIsTheUserItNames() {
        String subject = UUID.randomUUID().toString();
        String token = TestIssuer.signed(cognito(subject, "access").claim("client_id", CLIENT)
                .claim("scope", "openid profile").claim("username", "cora"));

        vote(token).expectStatus().isOk();

        BACKEND.verify(postRequestedFor(urlPathEqualTo(VOTES))
                .withHeader("X-Persona-Principal", equalTo("user:" + subject))
                .withHeader("X-Persona-Principal-Name", equalTo("cora")));
    }

    @Test
    void aCognitoIdTokenIsRefused() {
        refused(TestIssuer.signed(cognito(UUID.randomUUID().toString(), "id").audience(CLIENT)
                .claim("at_hash", "x4kZ1Qm3").claim("cognito:username", "cora")), "token_use id");
    }

    @Test
    void aCognitoAccessTokenOfAnotherClientOfThePoolIsRefused() {
        refused(TestIssuer.signed(cognito(UUID.randomUUID().toString(), "access").claim("client_id", "admin-console")
                .claim("scope", "openid")), "another client");
    }

    @Test
    void aKeycloakIdTokenIsRefusedAndItsAccessTokenOfThePagesClientIsAccepted() {
        String subject = UUID.randomUUID().toString();
        refused(TestIssuer.signed(ISSUER.claims(subject).claim("typ", "ID").audience(CLIENT).claim("azp", CLIENT)
                .claim("preferred_username", "kim")), "typ id");

        vote(TestIssuer.signed(ISSUER.claims(subject).claim("typ", "Bearer").claim("azp", CLIENT).audience("account")
                .claim("scope", "openid profile").claim("preferred_username", "kim"))).expectStatus().isOk();
        BACKEND.verify(postRequestedFor(urlPathEqualTo(VOTES)).withHeader("X-Persona-Principal", equalTo("user:" + subject))
                .withHeader("X-Persona-Principal-Name", equalTo("kim")));
    }

    @Test
    void aKeycloakAccessTokenOfAnotherClientIsRefused() {
        refused(TestIssuer.signed(ISSUER.claims("kim").claim("typ", "Bearer").claim("azp", "other-app")
                .claim("scope", "openid")), "another client");
    }

    @Test
    void anIdTokenOfSpringAuthorizationServerIsRefusedAndItsAccessTokenAccepted() {
        // As the devstack provider issues them: the ID token has azp, auth_time and sid but no scope.
        refused(TestIssuer.signed(ISSUER.claims("sam").audience(CLIENT).claim("azp", CLIENT)
                .claim("auth_time", new Date()).claim("sid", "s-1").claim("preferred_username", "sam")), "no scope");

        vote(TestIssuer.signed(ISSUER.claims("sam").audience(CLIENT).claim("scope", List.of("openid", "profile"))
                .claim("preferred_username", "sam"))).expectStatus().isOk();
        BACKEND.verify(postRequestedFor(urlPathEqualTo(VOTES)).withHeader("X-Persona-Principal", equalTo("user:sam")));
    }

    @Test
    void aTokenCarryingANonceIsAnIdTokenWhateverElseItHas() {
        refused(TestIssuer.signed(ISSUER.claims("nia").audience(CLIENT).claim("scope", "openid")
                .claim("nonce", "n-0S6_WzA2Mj")), "nonce");
    }

    @Test
    void anRfc9068AccessTokenIsKnownByItsHeaderTypeAndATokenOfAnotherTypeIsRefused() {
        vote(TestIssuer.signed(TestIssuer.SIGNING_KEY, new JOSEObjectType("at+jwt"),
                ISSUER.claims("ray").audience("https://api.example").claim("client_id", CLIENT)))
                .expectStatus().isOk();

        BACKEND.resetRequests();
        refused(TestIssuer.signed(TestIssuer.SIGNING_KEY, new JOSEObjectType("logout+jwt"),
                ISSUER.claims("ray").audience(CLIENT).claim("scope", "openid")), "typ");
    }

    @Test
    void aTokenOfNoSubjectIsRefused() {
        JWTClaimsSet.Builder claims = ISSUER.claims("x").subject(null).audience(CLIENT).claim("scope", "openid");

        refused(TestIssuer.signed(claims), "subject");
    }

    @Test
    void aUserWhoseSubjectSpellsAnApiKeysIdIsNeitherThatKeyNorItsAdmin() {
        vote(TestIssuer.signed(ISSUER.claims("key:ci").audience(CLIENT).claim("scope", "openid")
                .claim("preferred_username", "ci"))).expectStatus().isOk();
        client.post().uri(VOTES).contentType(MediaType.APPLICATION_JSON).header("X-API-Key", KEY)
                .bodyValue("{\"direction\":\"up\"}").exchange().expectStatus().isOk();

        BACKEND.verify(postRequestedFor(urlPathEqualTo(VOTES)).withHeader("X-Persona-Principal", equalTo("user:key:ci"))
                .withHeader("X-Persona-Admin", equalTo("false")));
        BACKEND.verify(postRequestedFor(urlPathEqualTo(VOTES)).withHeader("X-Persona-Principal", equalTo("key:ci"))
                .withHeader("X-Persona-Principal-Name", equalTo("ci"))
                .withHeader("X-Persona-Admin", equalTo("true")));
    }

    @Test
    void thePageLearnsTheHostedUiEndpointsAndMayFetchFromTheTokenEndpointsOriginOnly() {
        client.mutate().responseTimeout(Duration.ofSeconds(10)).build().get().uri("/api/auth/config").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.issuer").isEqualTo(ISSUER.uri())
                .jsonPath("$.clientId").isEqualTo(CLIENT)
                .jsonPath("$.authorizationEndpoint").isEqualTo(HOSTED_UI + "/oauth2/authorize")
                .jsonPath("$.tokenEndpoint").isEqualTo(HOSTED_UI + "/oauth2/token");

        String policy = client.get().uri("/").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self' " + HOSTED_UI + ";").doesNotContain(ISSUER.uri());
    }

    private JWTClaimsSet.Builder cognito(String subject, String tokenUse) {
        return ISSUER.claims(subject).claim("token_use", tokenUse).claim("auth_time", new Date())
                .claim("origin_jti", UUID.randomUUID().toString());
    }

    private WebTestClient.ResponseSpec vote(String token) {
        // The first token makes the gateway fetch the issuer's discovery document and keys: allow for a cold start.
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build().post().uri(VOTES)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue("{\"direction\":\"up\"}")
                .exchange();
    }

    private void refused(String token, String reason) {
        vote(token).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"persona-composer\", error=\"invalid_token\"")
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat(((String) detail).toLowerCase()).contains(reason));
        BACKEND.verify(0, postRequestedFor(urlPathMatching("/api/personas/.*")));
    }
}
