package com.personacomposer.gateway.page;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.personacomposer.gateway.access.OidcDiscovery;
import com.personacomposer.gateway.access.ProviderEndpoints;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * The web page: one static page (src/main/resources/static) that routes itself, so persona pages at /p/{slug} are
 * served the same HTML. Pages get strict security headers; the API is left to its own handlers.
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
    RouterFunction<ServerResponse> personaPages() {
        Resource page = new ClassPathResource("static/index.html");
        return RouterFunctions.route(GET("/p/{slug}"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
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
