package com.personacomposer.gateway.access;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Headers on every answer, errors included: {@code Strict-Transport-Security} when the request came over HTTPS
 * (directly, or through a trusted proxy that says so in X-Forwarded-Proto), so browsers never use plain HTTP for
 * this host again; {@code X-Content-Type-Options: nosniff} on /api answers, so a browser never reads JSON as a
 * script or page.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    /** First of all, so that even a refused request gets the headers. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;
    static final String HSTS = "Strict-Transport-Security";
    static final String HSTS_VALUE = "max-age=" + Duration.ofDays(365).toSeconds() + "; includeSubDomains";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private final int trustedProxyHops;

    SecurityHeadersFilter(RateLimitProperties rateLimit) {
        this.trustedProxyHops = rateLimit.trustedProxyHops();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean https = overHttps(exchange.getRequest());
        boolean api = API.matches(exchange.getRequest().getPath().pathWithinApplication());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (https) {
                headers.set(HSTS, HSTS_VALUE);
            }
            if (api) {
                headers.set("X-Content-Type-Options", "nosniff");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** X-Forwarded-Proto counts only behind trusted proxies: anyone else could write it. */
    private boolean overHttps(ServerHttpRequest request) {
        if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        if (trustedProxyHops == 0) {
            return false;
        }
        String forwarded = request.getHeaders().getFirst(FORWARDED_PROTO);
        if (forwarded == null) {
            return false;
        }
        String[] protos = forwarded.split(",");
        return "https".equalsIgnoreCase(protos[protos.length - 1].strip());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
