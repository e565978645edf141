package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 problem+json with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750), for a caller who presented nothing
 * where a principal is needed, or presented something that is not valid (then {@code error="invalid_token"}).
 */
final class UnauthorizedEntryPoint implements ServerAuthenticationEntryPoint {

    static final String CHALLENGE = "Bearer realm=\"persona-composer\"";

    private final String howToSignIn;

    UnauthorizedEntryPoint(boolean tokens, boolean keys) {
        this.howToSignIn = tokens && keys ? "Sign in (Authorization: Bearer <access token>) or send an API key."
                : tokens ? "Sign in and send Authorization: Bearer <access token>."
                : keys ? "An API key is required: send it as Authorization: Bearer <key> or X-API-Key: <key>."
                : "Sign-in is not configured on this server.";
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof InvalidBearerTokenException invalid) {
            // The reason names what is wrong with the caller's own token (expired, another audience, ...).
            return Mono.error(unauthorized("The access token or API key is not valid: " + invalid.getMessage(), true));
        }
        return Mono.error(unauthorized(howToSignIn, false));
    }

    static ProblemException unauthorized(String detail, boolean invalidToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE);
        return new ProblemException(Problems.of(HttpStatus.UNAUTHORIZED, detail), headers);
    }
}
