package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * When API keys are configured, every request that changes something (POST /api/personas, votes: any method but
 * GET, HEAD and OPTIONS, whatever the path, so no spelling of a path slips past) needs one of them, as
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} (the latter wins when both are sent). Without one:
 * 401 problem+json with a {@code WWW-Authenticate} challenge. Reads stay open. Keys are never logged, and are
 * removed from the request before it goes on to the services behind the gateway.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

    static final String API_KEY = "X-API-Key";
    /** After CORS (so a browser can read the 401), before the rate limit (which counts by key). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String BEARER = "bearer ";
    private static final String CHALLENGE = "Bearer realm=\"persona-composer\"";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeyProperties properties) {
        this.keys = ApiKeys.of(properties.apiKeys());
        if (keys.required()) {
            log.info("API keys are required to create personas and vote ({} configured)", keys.count());
        } else {
            log.info("No API keys configured (PERSONA_API_KEYS): anyone may create personas and vote");
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!keys.required() || READS.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        Optional<String> presented = presentedKey(request.getHeaders());
        if (presented.isEmpty()) {
            return Mono.error(unauthorized(
                    "An API key is required: send it as Authorization: Bearer <key> or X-API-Key: <key>.", CHALLENGE));
        }
        if (!keys.matches(presented.get())) {
            return Mono.error(unauthorized("The API key is not valid.", CHALLENGE + ", error=\"invalid_token\""));
        }
        ClientIdentity.authenticated(exchange, presented.get());
        ServerHttpRequest withoutKey = request.mutate().headers(headers -> {
            headers.remove(API_KEY);
            headers.remove(HttpHeaders.AUTHORIZATION);
        }).build();
        return chain.filter(exchange.mutate().request(withoutKey).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    static Optional<String> presentedKey(HttpHeaders headers) {
        String apiKey = headers.getFirst(API_KEY);
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.strip());
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    private static ProblemException unauthorized(String detail, String challenge) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return new ProblemException(Problems.of(HttpStatus.UNAUTHORIZED, detail), headers);
    }
}
