package com.personacomposer.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * After authentication: names the {@link Caller}, and rewrites the request for the services behind the gateway.
 * Credentials (Authorization, X-API-Key) never go on; the principal headers are always the gateway's own (any a
 * client sent are removed) and are set on routed calls here and on calls made for the request by
 * {@link PrincipalForwarding}. In fully open mode, anonymous callers' votes and the persona reads that show their
 * votes carry a pseudonym of the client address instead.
 */
@Component
class CallerFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (order -100). */
    static final int ORDER = -90;

    private static final Set<String> GATEWAY_HEADERS = Set.of(Caller.PRINCIPAL, Caller.PRINCIPAL_NAME, Caller.ADMIN,
            Caller.VOTER, HttpHeaders.AUTHORIZATION, CredentialsConverter.API_KEY);
    private static final PathPattern VOTES = PathPatternParser.defaultInstance.parse(SecurityConfiguration.VOTES);
    private static final PathPattern PERSONA = PathPatternParser.defaultInstance.parse("/api/personas/*");
    private static final PathPattern IMAGE_PAGES = PathPatternParser.defaultInstance.parse("/api/personas/*/images");

    private final AccessProperties access;
    private final boolean open;
    private final int trustedProxyHops;

    CallerFilter(AccessProperties access, OidcProperties oidc, ApiKeyProperties keys, RateLimitProperties rateLimit) {
        this.access = access;
        this.open = SecurityConfiguration.open(oidc, keys);
        this.trustedProxyHops = rateLimit.trustedProxyHops();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(this::callerOf)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> {
                    caller.ifPresent(known -> known.attachTo(exchange));
                    ServerHttpRequest request = exchange.getRequest().mutate()
                            .headers(headers -> rewrite(headers, caller, exchange))
                            .build();
                    Mono<Void> rest = chain.filter(exchange.mutate().request(request).build());
                    return caller.map(known -> rest.contextWrite(context -> context.put(Caller.class, known))).orElse(rest);
                });
    }

    private void rewrite(HttpHeaders headers, Optional<Caller> caller, ServerWebExchange exchange) {
        GATEWAY_HEADERS.forEach(headers::remove);
        caller.ifPresent(known -> PrincipalForwarding.write(known, headers));
        if (open && caller.isEmpty() && votesMatter(exchange.getRequest())) {
            headers.set(Caller.VOTER, "anon:" + pseudonym(ClientAddress.of(exchange.getRequest(), trustedProxyHops)));
        }
    }

    /** Casting or withdrawing a vote, and reading a persona or its images (each shows the caller's own votes). */
    private static boolean votesMatter(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        if (request.getMethod() == HttpMethod.GET) {
            return PERSONA.matches(path) || IMAGE_PAGES.matches(path);
        }
        return VOTES.matches(path);
    }

    private Optional<Caller> callerOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        String id;
        String name;
        if (authentication instanceof JwtAuthenticationToken token) {
            id = token.getToken().getSubject();
            name = firstNonBlank(token.getToken().getClaimAsString("preferred_username"),
                    token.getToken().getClaimAsString("name"), id);
        } else {
            id = authentication.getName();
            name = id;
        }
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(id, name, access.admins().contains(id)));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The first 16 hex characters of the address's SHA-256: counts a client once without storing its address. */
    static String pseudonym(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
