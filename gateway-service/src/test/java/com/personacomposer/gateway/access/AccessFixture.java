package com.personacomposer.gateway.access;

import static org.springframework.web.reactive.function.server.RequestPredicates.all;

import com.personacomposer.gateway.web.ProblemExceptionHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Web filters in front of a handler that answers 200 with the request's headers and its client identity. */
final class AccessFixture {

    private AccessFixture() {
    }

    /**
     * Stands in for authentication in filter tests: a known X-API-Key names the caller {@code key:<key>}; a POST
     * without one is refused as the gateway refuses it. No keys: everyone is anonymous and nothing is refused.
     */
    static WebFilter callersByKey(String... keys) {
        Set<String> known = Set.of(keys);
        return (exchange, chain) -> {
            String key = exchange.getRequest().getHeaders().getFirst("X-API-Key");
            if (known.isEmpty()) {
                return chain.filter(exchange);
            }
            if (key != null && known.contains(key)) {
                new Caller("key:" + key, key, false).attachTo(exchange);
                return chain.filter(exchange);
            }
            return exchange.getRequest().getMethod() == HttpMethod.POST
                    ? Mono.error(UnauthorizedEntryPoint.unauthorized("An API key is required.", key != null))
                    : chain.filter(exchange);
        };
    }

    static WebTestClient clientWith(WebFilter... filters) {
        // As Spring's codecs do: a problem's properties (errors) at the top level.
        JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        return WebTestClient.bindToRouterFunction(RouterFunctions.route(all(), request -> {
                    Map<String, Object> seen = new TreeMap<>();
                    request.headers().asHttpHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values));
                    Caller.of(request.exchange()).ifPresent(caller -> seen.put("client", caller.id()));
                    return ServerResponse.ok().bodyValue(seen);
                }))
                .webFilter(filters)
                .handlerStrategies(HandlerStrategies.builder().exceptionHandler(new ProblemExceptionHandler(json)).build())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
