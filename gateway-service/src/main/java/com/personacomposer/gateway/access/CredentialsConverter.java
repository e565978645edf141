package com.personacomposer.gateway.access;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a caller presents: {@code X-API-Key: <key>} (wins when both are sent), else {@code Authorization: Bearer
 * <access token or API key>}. Nothing presented: the caller is anonymous.
 */
final class CredentialsConverter implements ServerAuthenticationConverter {

    static final String API_KEY = "X-API-Key";
    private static final String BEARER = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String apiKey = headers.getFirst(API_KEY);
        if (apiKey != null && !apiKey.isBlank()) {
            return Mono.just(new BearerTokenAuthenticationToken(apiKey.strip()));
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
        }
        return Mono.empty();
    }
}
