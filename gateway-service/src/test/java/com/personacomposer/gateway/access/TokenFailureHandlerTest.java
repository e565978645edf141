package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.personacomposer.gateway.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.WebFilterExchange;
import reactor.core.publisher.Mono;

class TokenFailureHandlerTest {

    private final TokenFailureHandler handler = new TokenFailureHandler(new UnauthorizedEntryPoint(true, false));
    private final WebFilterExchange exchange = new WebFilterExchange(
            MockServerWebExchange.from(MockServerHttpRequest.get("/api/personas")), ignored -> Mono.empty());

    @Test
    void aTokenThatIsNotValidIs401WithTheReason() {
        ProblemException problem = problemFor(new InvalidBearerTokenException("Jwt expired at 2026-01-01T00:00:00Z"));

        assertThat(problem.getStatusCode().value()).isEqualTo(401);
        assertThat(problem.getBody().getDetail()).endsWith("Jwt expired at 2026-01-01T00:00:00Z");
        assertThat(problem.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"persona-composer\", error=\"invalid_token\"");
    }

    @Test
    void aProviderWhoseKeysCannotBeFetchedIs503NotTheCallersFault() {
        ProblemException problem = problemFor(new AuthenticationServiceException("Connection refused"));

        assertThat(problem.getStatusCode().value()).isEqualTo(503);
        assertThat(problem.getBody().getDetail()).doesNotContain("Connection refused");
        assertThat(problem.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
    }

    /** The answer the handler gives for {@code failure}, a problem it throws. */
    private ProblemException problemFor(AuthenticationException failure) {
        return catchThrowableOfType(ProblemException.class,
                () -> handler.onAuthenticationFailure(exchange, failure).block());
    }
}
