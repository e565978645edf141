package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits POST /api/personas (each one may start a paid generation) per client: the principal (signed-in user or
 * API key) when there is one, else the client's address. Over the limit: 429 problem+json with Retry-After in seconds.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After the caller is known: a principal is one client wherever it comes from. */
    static final int ORDER = CallerFilter.ORDER + 3;
    /** The create route's own pattern, so every spelling the route accepts is counted. */
    private static final PathPattern CREATE = PathPatternParser.defaultInstance.parse("/api/personas");

    private final TokenBuckets buckets;
    private final int trustedProxyHops;

    RateLimitFilter(TokenBuckets buckets, int trustedProxyHops) {
        this.buckets = buckets;
        this.trustedProxyHops = trustedProxyHops;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !CREATE.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        String client = Caller.of(exchange).map(caller -> "principal " + caller.id())
                .orElseGet(() -> "address " + ClientAddress.of(exchange.getRequest(), trustedProxyHops));
        Optional<Duration> wait = buckets.take(client);
        return wait.isEmpty() ? chain.filter(exchange) : Mono.error(tooMany(wait.get()));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static ProblemException tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ProblemException(Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                "Too many persona requests from this client; try again in " + seconds + " s."), headers);
    }
}
