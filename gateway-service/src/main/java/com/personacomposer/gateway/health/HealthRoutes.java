package com.personacomposer.gateway.health;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** GET /api/health: {"status":"Healthy!"} for load-balancer checks (the full picture is /actuator/health). */
@Configuration(proxyBeanMethods = false)
class HealthRoutes {

    private static final Map<String, String> HEALTHY = Map.of("status", "Healthy!");

    @Bean
    RouterFunction<ServerResponse> healthRoute() {
        return RouterFunctions.route(GET("/api/health"), request -> ServerResponse.ok().bodyValue(HEALTHY));
    }
}
