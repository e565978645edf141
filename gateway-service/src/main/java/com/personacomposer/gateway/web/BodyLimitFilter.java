package com.personacomposer.gateway.web;

import com.personacomposer.gateway.config.GatewayProperties;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A body-size limit on every request, fitting its route: POST /api/personas up to
 * {@code persona.gateway.max-request-body}, a vote up to {@code persona.gateway.body-limits.vote}, anything else no
 * body at all. Beyond it: 413 problem+json before any of the body reaches a handler or a service behind the gateway.
 * A declared Content-Length is judged at once; a body without one (chunked) is read up to the limit first and only
 * then handed on.
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

    /** Before authentication and routing: nothing of an oversized body goes anywhere. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private record Limit(HttpMethod method, PathPattern path, long maxBytes) {

        boolean covers(ServerHttpRequest request) {
            return method.equals(request.getMethod()) && path.matches(request.getPath().pathWithinApplication());
        }
    }

    private final List<Limit> limits;

    BodyLimitFilter(GatewayProperties gateway, BodyLimitProperties properties) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.limits = List.of(
                new Limit(HttpMethod.POST, parser.parse("/api/personas"), gateway.maxRequestBody().toBytes()),
                new Limit(HttpMethod.POST, parser.parse("/api/personas/*/images/*/votes"), properties.vote().toBytes()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long maxBytes = limits.stream().filter(limit -> limit.covers(request)).mapToLong(Limit::maxBytes)
                .findFirst().orElse(0);
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge(maxBytes));
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .onErrorMap(DataBufferLimitException.class, beyond -> tooLarge(maxBytes))
                .map(Flux::just)
                .defaultIfEmpty(Flux.empty())
                .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body)).build()));
    }

    /** The request with the body read already (the original can be read only once). */
    private static ServerHttpRequest withBody(ServerHttpRequest request, Flux<DataBuffer> body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problems.of(HttpStatus.CONTENT_TOO_LARGE, maxBytes == 0
                ? "This request takes no body." : "The body is larger than " + maxBytes + " bytes."), new HttpHeaders());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
