package com.personacomposer.gateway.request;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.kit.address.AddressGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A functional route, not a controller: an annotated POST mapping would answer 405 to GET /api/personas instead of
 * letting the request fall through to the gateway route that sends it to persona-service.
 */
@Configuration(proxyBeanMethods = false)
class CreatePersonaRoutes {

    @Bean
    RouterFunction<ServerResponse> createPersonaRoute(CreatePersonaHandler handler) {
        return RouterFunctions.route(POST("/api/personas"), handler::create);
    }

    /** The JVM's resolver: webhook-service resolves the host again (and pins it) at every delivery. */
    @Bean
    WebhookTargetCheck webhookTargetCheck(GatewayProperties properties) {
        return new WebhookTargetCheck(properties.webhookAllowLocal(), AddressGuard.SYSTEM_RESOLVER);
    }
}
