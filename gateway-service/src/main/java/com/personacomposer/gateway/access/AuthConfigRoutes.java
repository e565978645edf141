package com.personacomposer.gateway.access;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** GET /api/auth/config: what the web page needs to sign in (authorization code with PKCE, in the browser). */
@Configuration(proxyBeanMethods = false)
class AuthConfigRoutes {

    @Bean
    RouterFunction<ServerResponse> authConfigRoute(OidcProperties oidc) {
        Map<String, Object> config = oidc.enabled()
                ? Map.of("enabled", true, "issuer", oidc.issuerUri(), "clientId", oidc.clientId(), "scopes", oidc.scopes())
                : Map.of("enabled", false);
        return RouterFunctions.route(GET("/api/auth/config"),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(config));
    }
}
