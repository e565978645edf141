package com.personacomposer.gateway.health;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GET /api/health: {"status":"Healthy!"} while the gateway runs, a public check for people and uptime monitors. The
 * load balancer and the container health check ask actuator's readiness and liveness groups on the management port
 * instead ({@code /actuator/health/readiness}, {@code /actuator/health/liveness}), which no public port serves.
 */
@Configuration(proxyBeanMethods = false)
class HealthRoutes {

    private static final Map<String, String> HEALTHY = Map.of("status", "Healthy!");

    @Bean
    RouterFunction<ServerResponse> healthRoute() {
        return RouterFunctions.route(GET("/api/health"), request -> ServerResponse.ok().bodyValue(HEALTHY));
    }
}
