package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Each open event stream holds a connection and polls persona-service: one client (its principal, else its
 * address) may hold at most {@code eventStreamsPerClient} at once on this instance; beyond, 429 problem+json with
 * Retry-After. A stream's place is given back when it ends, however it ends.
 */
@Component
class EventStreamLimitFilter implements WebFilter, Ordered {

    static final int ORDER = CallerFilter.ORDER + 6;
    private static final PathPattern EVENTS = PathPatternParser.defaultInstance.parse("/api/requests/{requestId}/events");
    private static final String RETRY_SECONDS = "5";

    private final int perClient;
    private final int trustedProxyHops;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    EventStreamLimitFilter(AccessProperties access, RateLimitProperties rateLimit) {
        this.perClient = access.eventStreamsPerClient();
        this.trustedProxyHops = rateLimit.trustedProxyHops();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || !EVENTS.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        String client = Caller.of(exchange).map(caller -> "principal " + caller.id())
                .orElseGet(() -> "address " + ClientAddress.of(exchange.getRequest(), trustedProxyHops));
        if (!take(client)) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
            return Mono.error(new ProblemException(Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many event streams open from this client (at most " + perClient
                            + "); close one or follow the request with GET /api/requests/{requestId}."), headers));
        }
        return chain.filter(exchange).doFinally(signal -> release(client));
    }

    private boolean take(String client) {
        boolean[] taken = {false};
        open.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perClient) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    private void release(String client) {
        open.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Streams open now, for tests. */
    int openStreams(String client) {
        return open.getOrDefault(client, 0);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
