package com.personacomposer.gateway.access;

import static org.springframework.web.reactive.function.server.RequestPredicates.all;

import com.personacomposer.gateway.web.ProblemExceptionHandler;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

/** Web filters in front of a handler that answers 200 with the request's headers and its client identity. */
final class AccessFixture {

    private AccessFixture() {
    }

    static WebTestClient clientWith(WebFilter... filters) {
        // As Spring's codecs do: a problem's properties (errors) at the top level.
        JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        return WebTestClient.bindToRouterFunction(RouterFunctions.route(all(), request -> {
                    Map<String, Object> seen = new TreeMap<>();
                    request.headers().asHttpHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values));
                    ClientIdentity.of(request.exchange()).ifPresent(client -> seen.put("client", client));
                    return ServerResponse.ok().bodyValue(seen);
                }))
                .webFilter(filters)
                .handlerStrategies(HandlerStrategies.builder().exceptionHandler(new ProblemExceptionHandler(json)).build())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
