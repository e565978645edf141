package com.personacomposer.gateway.page;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.personacomposer.gateway.access.OidcDiscovery;
import com.personacomposer.gateway.access.ProviderEndpoints;
import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.downstream.PersonaServiceClient;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web page: one page (templates/page.mustache, its scripts and styles in static/) that routes itself, served at /,
 * /p/{slug} and /p/{slug}/images/{imageId} by {@link PageHandler}. Pages get strict security headers; the API is
 * left to its own handlers.
 */
@Configuration(proxyBeanMethods = false)
class WebPageConfiguration {

    /**
     * Images come from the S3 endpoint (another origin), so img-src allows http(s); the page may also fetch from the
     * OpenID provider's origins it needs (its token endpoint's: for Cognito another origin than the issuer's), once
     * the gateway knows them; nothing else leaves 'self'.
     */
    static String contentSecurityPolicy(List<String> signInOrigins) {
        String signIn = signInOrigins.stream().map(origin -> " " + origin).collect(Collectors.joining());
        return "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; script-src 'self'; "
                + "connect-src 'self'" + signIn + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Bean
    PageHandler pageHandler(PersonaServiceClient personaService, JsonMapper json, OidcDiscovery discovery,
                            GatewayProperties gateway, PageProperties properties) {
        return new PageHandler(personaService, new PageTemplate(),
                new PageModels(json, discovery.signInEnabled(), gateway.defaultModel()), properties);
    }

    @Bean
    RouterFunction<ServerResponse> pages(PageHandler pages) {
        return RouterFunctions.route(GET("/"), pages::home)
                .andRoute(GET("/p/{slug}"), pages::persona)
                .andRoute(GET("/p/{slug}/images/{imageId}"), pages::image);
    }

    @Bean
    WebFilter pageSecurityHeaders(OidcDiscovery discovery) {
        return (exchange, chain) -> {
            if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", contentSecurityPolicy(
                        discovery.known().map(ProviderEndpoints::fetchedOrigins).orElse(List.of())));
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
            }
            return chain.filter(exchange);
        };
    }
}
