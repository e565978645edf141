package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * CORS for /api/**: pages of the configured origins may call the API (preflights answered here); a request from
 * any other origin is refused with 403 problem+json. A request whose Origin names the host it was sent to is the
 * gateway's own page and passes, whatever the scheme: behind a proxy that ends TLS the gateway sees http while the
 * page's origin is https.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

    /** First, so that every answer (a 401 or 429 too) carries the headers a browser needs to read it. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(CorsFilter.class);
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private final CorsConfiguration configuration = new CorsConfiguration();
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsFilter(CorsProperties properties) {
        configuration.setAllowedOriginPatterns(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                HttpMethod.DELETE.name()));
        configuration.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, CredentialsConverter.API_KEY,
                "Idempotency-Key", "Prefer", "Last-Event-ID"));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, "Preference-Applied", HttpHeaders.RETRY_AFTER,
                HttpHeaders.WWW_AUTHENTICATE));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
        log.info("Cross-origin calls to /api/** allowed from: {}",
                properties.allowedOrigins().isEmpty() ? "no other origin (PERSONA_CORS_ORIGINS)" : properties.allowedOrigins());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null || !API.matches(request.getPath().pathWithinApplication())
                || namesThisHost(origin, request.getHeaders().getFirst(HttpHeaders.HOST))) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(new ProblemException(Problems.of(HttpStatus.FORBIDDEN,
                    "Pages of this origin may not call the API."), new HttpHeaders()));
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The origin's host[:port] is the Host the request was sent to. */
    static boolean namesThisHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getRawAuthority() == null) {
                return false;
            }
            return uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }
}
