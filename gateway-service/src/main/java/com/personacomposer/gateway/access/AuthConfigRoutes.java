package com.personacomposer.gateway.access;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GET /api/auth/config: what the web page needs to sign in (authorization code with PKCE, in the browser): the
 * client, issuer and scopes configured, and the provider's endpoints from its discovery document
 * ({@link ProviderEndpoints}) once the gateway has read it. Not cached by browsers: the endpoints may arrive later.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfigRoutes {

    /** How long an answer waits for a discovery document being fetched; after that it says what is known. */
    private static final Duration DISCOVERY_WAIT = Duration.ofSeconds(3);
    private static final Duration DISCOVERY_RETRY = Duration.ofSeconds(5);

    @Bean
    OidcDiscovery oidcDiscovery(OidcProperties oidc) {
        return new OidcDiscovery(oidc.issuerUri(), DISCOVERY_RETRY, System::nanoTime);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> discoverOidcProvider(OidcDiscovery discovery) {
        return ready -> discovery.fetchIfDue();
    }

    @Bean
    RouterFunction<ServerResponse> authConfigRoute(OidcProperties oidc, OidcDiscovery discovery) {
        return RouterFunctions.route(GET("/api/auth/config"), request -> discovery.endpoints(DISCOVERY_WAIT)
                .flatMap(endpoints -> {
                    Map<String, Object> config = new LinkedHashMap<>();
                    config.put("enabled", oidc.enabled());
                    if (oidc.enabled()) {
                        config.put("issuer", oidc.issuerUri());
                        config.put("clientId", oidc.clientId());
                        config.put("scopes", oidc.scopes());
                        endpoints.ifPresent(known -> config.putAll(known.asConfig()));
                    }
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                            .cacheControl(CacheControl.noCache()).bodyValue(config);
                }));
    }
}
