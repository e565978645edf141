package com.personacomposer.gateway.access;

import com.personacomposer.gateway.web.ProblemException;
import com.personacomposer.gateway.web.Problems;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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
 * Limits one kind of request ({@link Scope}) per client: the principal (signed-in user or API key) when there is
 * one, else the client's address (in open mode the anonymous voter id is a pseudonym of that same address, so it
 * counts the same client). Over the limit: 429 problem+json with Retry-After in seconds.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After the caller is known: a principal is one client wherever it comes from. */
    static final int ORDER = CallerFilter.ORDER + 3;

    /** What is limited, each with buckets of its own; the routes' own patterns, so every spelling they accept counts. */
    enum Scope {
        /** POST /api/personas: each one may start a paid generation. */
        CREATES("persona requests", Set.of(HttpMethod.POST), "/api/personas"),
        /** Casting and withdrawing votes: each one is a write to persona-service. */
        VOTES("votes", Set.of(HttpMethod.POST, HttpMethod.DELETE), SecurityConfiguration.VOTES),
        /** Canceling a request: a write to persona-service that anyone holding a request's id may send. */
        CANCELS("cancels", Set.of(HttpMethod.POST), "/api/requests/*/cancel");

        private final String what;
        private final Set<HttpMethod> methods;
        private final PathPattern path;

        Scope(String what, Set<HttpMethod> methods, String path) {
            this.what = what;
            this.methods = methods;
            this.path = PathPatternParser.defaultInstance.parse(path);
        }

        String what() {
            return what;
        }

        boolean covers(ServerWebExchange exchange) {
            return methods.contains(exchange.getRequest().getMethod())
                    && path.matches(exchange.getRequest().getPath().pathWithinApplication());
        }
    }

    private final Scope scope;
    private final TokenBuckets buckets;
    private final int trustedProxyHops;

    RateLimitFilter(Scope scope, TokenBuckets buckets, int trustedProxyHops) {
        this.scope = scope;
        this.buckets = buckets;
        this.trustedProxyHops = trustedProxyHops;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!scope.covers(exchange)) {
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

    private ProblemException tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ProblemException(Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                "Too many " + scope.what() + " from this client; try again in " + seconds + " s."), headers);
    }
}
