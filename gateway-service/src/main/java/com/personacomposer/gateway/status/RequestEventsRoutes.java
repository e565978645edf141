package com.personacomposer.gateway.status;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class RequestEventsRoutes {

    @Bean
    RouterFunction<ServerResponse> requestEventsRoute(RequestEventsHandler handler) {
        return RouterFunctions.route(GET("/api/requests/{requestId}/events"), handler::stream);
    }
}
