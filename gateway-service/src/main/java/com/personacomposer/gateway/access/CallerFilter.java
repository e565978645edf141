package com.personacomposer.gateway.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * votes carry a pseudonym of the client address instead ({@link VoterPseudonyms}).
 */
@Component
class CallerFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (order -100). */
    static final int ORDER = -90;

    private static final Logger log = LoggerFactory.getLogger(CallerFilter.class);

    private static final Set<String> GATEWAY_HEADERS = Set.of(Caller.PRINCIPAL, Caller.PRINCIPAL_NAME, Caller.ADMIN,
            Caller.VOTER, HttpHeaders.AUTHORIZATION, CredentialsConverter.API_KEY);
    private static final PathPattern VOTES = PathPatternParser.defaultInstance.parse(SecurityConfiguration.VOTES);
    private static final PathPattern PERSONA = PathPatternParser.defaultInstance.parse("/api/personas/*");
    private static final PathPattern IMAGE_PAGES = PathPatternParser.defaultInstance.parse("/api/personas/*/images");
    private static final List<String> DISPLAY_NAME_CLAIMS = List.of("preferred_username", "name", "username");
    private static final String ANY_USER = "signed-in user";

    private final AccessProperties access;
    private final boolean open;
    private final int trustedProxyHops;
    private final VoterPseudonyms voters;

    CallerFilter(AccessProperties access, OidcProperties oidc, ApiKeys keys, RateLimitProperties rateLimit,
                 VoterProperties voterProperties) {
        this.access = access;
        this.open = SecurityConfiguration.open(oidc, keys);
        this.trustedProxyHops = rateLimit.trustedProxyHops();
        this.voters = VoterPseudonyms.keyedWith(voterProperties.secret());
        if (open && voterProperties.secret().isEmpty()) {
            log.warn("PERSONA_VOTER_SECRET is not set: anonymous votes are counted per client with a random key of "
                    + "this process, so after a restart, or through another gateway instance, a client may vote again");
        }
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
            headers.set(Caller.VOTER, voters.voterOf(ClientAddress.of(exchange.getRequest(), trustedProxyHops)));
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
        if (authentication instanceof JwtAuthenticationToken token) {
            String subject = token.getToken().getSubject();
            if (subject == null || subject.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(caller(Caller.USER + subject, displayName(token)));
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return Optional.of(caller(key.getName(), key.keyName()));
        }
        return Optional.empty();
    }

    private Caller caller(String id, String name) {
        return new Caller(id, name, access.admins().contains(id));
    }

    /**
     * What others see of a signed-in user: {@code preferred_username} (Keycloak and most OpenID providers), {@code name},
     * or {@code username} (Cognito's access tokens); never the subject, which is an id, not a name. A token with
     * none of them is shown as a signed-in user.
     */
    private static String displayName(JwtAuthenticationToken token) {
        for (String claim : DISPLAY_NAME_CLAIMS) {
            String value = token.getToken().getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return ANY_USER;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
