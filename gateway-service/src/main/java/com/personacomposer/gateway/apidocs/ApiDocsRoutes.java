package com.personacomposer.gateway.apidocs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The OpenAPI document at /openapi.yaml (as written) and /v3/api-docs (as JSON), and Swagger UI at /swagger-ui: the
 * webjar's files with a page and an initializer of our own that open our document (scripts as files, not inline,
 * so the pages' Content-Security-Policy holds).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    @Bean
    RouterFunction<ServerResponse> apiDocsRouter(ApiDocument document) {
        Resource page = new ClassPathResource("openapi/ui/index.html");
        Resource initializer = new ClassPathResource("openapi/ui/swagger-initializer.js");
        return RouterFunctions.route()
                .GET("/openapi.yaml", request -> ServerResponse.ok().contentType(YAML)
                        .cacheControl(CacheControl.noCache()).bodyValue(document.yaml()))
                .GET("/v3/api-docs", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache()).bodyValue(document.json()))
                .GET("/swagger-ui", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/swagger-ui/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/swagger-ui/index.html", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/swagger-ui/swagger-initializer.js", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/javascript")).bodyValue(initializer))
                .add(RouterFunctions.resources("/swagger-ui/**", new ClassPathResource(
                        "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/")))
                .build();
    }

    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource(SWAGGER_UI_POM).getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Swagger UI's webjar is missing (" + SWAGGER_UI_POM + ")", e);
        }
        return pom.getProperty("version");
    }
}
