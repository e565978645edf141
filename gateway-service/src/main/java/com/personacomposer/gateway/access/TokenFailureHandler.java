package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * A token that is not valid is the caller's problem (401); a provider whose keys cannot be fetched is ours: 503,
 * so the caller tries again rather than signing in again.
 */
final class TokenFailureHandler implements ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(TokenFailureHandler.class);

    private final UnauthorizedEntryPoint unauthorized;

    TokenFailureHandler(UnauthorizedEntryPoint unauthorized) {
        this.unauthorized = unauthorized;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Access tokens cannot be checked: the OpenID provider's keys are unavailable ({})", failure.getMessage());
            return Mono.error(new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "Sign-in cannot be checked right now; try again shortly."), new HttpHeaders()));
        }
        return unauthorized.commence(exchange.getExchange(), failure);
    }
}
