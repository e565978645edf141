package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/** The ID and access tokens each provider issues (claims as Cognito, Keycloak and Spring Authorization Server write them). */
class AccessTokenValidatorTest {

    private static final String CLIENT = "persona-web";
    private final AccessTokenValidator pageClient = new AccessTokenValidator("", CLIENT);

    @Test
    void cognito() {
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("token_use", "access", "client_id", CLIENT,
                "scope", "openid profile", "username", "cora"))))).isNull();
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("token_use", "id", "aud", List.of(CLIENT),
                "at_hash", "h", "cognito:username", "cora"))))).contains("token_use id");
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("token_use", "access",
                "client_id", "admin-console", "scope", "openid"))))).contains("another client");
    }

    @Test
    void keycloak() {
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("typ", "Bearer", "azp", CLIENT,
                "aud", List.of("account"), "scope", "openid profile", "nonce", "n"))))).as("older Keycloak copies the nonce").isNull();
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("typ", "ID", "azp", CLIENT,
                "aud", List.of(CLIENT)))))).contains("typ id");
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("typ", "Refresh", "azp", CLIENT,
                "scope", "openid"))))).contains("typ refresh");
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("typ", "Bearer", "azp", "other-app",
                "aud", List.of(CLIENT), "scope", "openid"))))).as("azp decides before aud").contains("another client");
    }

    @Test
    void springAuthorizationServer() {
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("aud", List.of(CLIENT),
                "scope", List.of("openid", "profile")))))).isNull();
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("aud", List.of(CLIENT), "azp", CLIENT,
                "auth_time", Instant.now(), "sid", "s"))))).contains("no scope");
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("aud", List.of("another-client"),
                "scope", List.of("openid")))))).contains("another client");
    }

    @Test
    void anyProvider() {
        assertThat(refusal(pageClient, token(claims -> claims.putAll(Map.of("aud", List.of(CLIENT), "scope", "openid",
                "at_hash", "h"))))).contains("at_hash");
        Jwt rfc9068 = Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "at+jwt").subject("ray")
                .audience(List.of("https://api.example")).claim("client_id", CLIENT).build();
        assertThat(refusal(pageClient, rfc9068)).isNull();
        assertThat(refusal(pageClient, Jwt.withTokenValue("t").header("alg", "RS256").claim("aud", List.of(CLIENT))
                .claim("scope", "openid").build())).contains("subject");
    }

    @Test
    void withAnAudienceItDecidesWhicheverClientTheTokenWasIssuedTo() {
        AccessTokenValidator api = new AccessTokenValidator("persona-api", CLIENT);

        assertThat(refusal(api, token(claims -> claims.putAll(Map.of("aud", List.of("persona-api"), "azp", "batch",
                "scope", "openid"))))).isNull();
        assertThat(refusal(api, token(claims -> claims.putAll(Map.of("aud", List.of(CLIENT), "azp", CLIENT,
                "scope", "openid"))))).contains("aud");
        assertThat(refusal(api, token(claims -> claims.putAll(Map.of("aud", List.of("persona-api"), "typ", "ID")))))
                .as("an ID token stays one").contains("typ id");
    }

    private static Jwt token(Consumer<Map<String, Object>> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1").claims(claims).build();
    }

    /** The refusal's description, lower-cased; null when the token is accepted. */
    private static String refusal(AccessTokenValidator validator, Jwt token) {
        return validator.validate(token).getErrors().stream().findFirst()
                .map(OAuth2Error::getDescription).map(String::toLowerCase).orElse(null);
    }
}
