package com.personacomposer.gateway.page;

import com.personacomposer.gateway.downstream.PersonaServiceClient;
import com.personacomposer.gateway.downstream.PersonaServiceUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The page at /, /p/{slug} and /p/{slug}/images/{imageId}: one HTML page that routes itself, served with the title,
 * description and link-preview tags of what it shows, and a persona page with its first images already in it (no
 * second round trip, no layout shift while they arrive). The persona is read without blocking (like any routed
 * read); one that cannot be read within {@code persona-wait} leaves the page to read it itself. Never cached: the
 * images' presigned URLs in it live for a minute.
 */
class PageHandler {

    private static final Logger log = LoggerFactory.getLogger(PageHandler.class);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final PersonaServiceClient personaService;
    private final PageTemplate template;
    private final PageModels models;
    private final PageProperties properties;

    PageHandler(PersonaServiceClient personaService, PageTemplate template, PageModels models,
                PageProperties properties) {
        this.personaService = personaService;
        this.template = template;
        this.models = models;
        this.properties = properties;
    }

    Mono<ServerResponse> home(ServerRequest request) {
        return page(HttpStatus.OK, models.home(origin(request), "/"));
    }

    Mono<ServerResponse> persona(ServerRequest request) {
        String slug = request.pathVariable("slug");
        int limit = limit(request);
        String origin = origin(request);
        return personaService.readPersona(slug, limit)
                .timeout(properties.personaWait())
                .flatMap(persona -> persona
                        .map(found -> page(HttpStatus.OK, models.persona(origin, found, limit)))
                        .orElseGet(() -> page(HttpStatus.NOT_FOUND, models.missing(origin, PageModels.pagePath(slug)))))
                .onErrorResume(this::unavailable, error -> withoutPersona(request, origin, error));
    }

    Mono<ServerResponse> image(ServerRequest request) {
        String slug = request.pathVariable("slug");
        String imageId = request.pathVariable("imageId");
        int limit = limit(request);
        String origin = origin(request);
        return Mono.zip(personaService.readPersona(slug, limit), personaService.readImage(slug, imageId))
                .timeout(properties.personaWait())
                .flatMap(read -> {
                    Optional<JsonNode> persona = read.getT1();
                    Optional<JsonNode> image = read.getT2();
                    if (persona.isEmpty() || image.isEmpty()) {
                        return page(HttpStatus.NOT_FOUND,
                                models.missing(origin, PageModels.imagePagePath(slug, imageId)));
                    }
                    return page(HttpStatus.OK, models.image(origin, persona.get(), image.get(), limit));
                })
                .onErrorResume(this::unavailable, error -> withoutPersona(request, origin, error));
    }

    private boolean unavailable(Throwable error) {
        return error instanceof PersonaServiceUnavailableException || error instanceof TimeoutException;
    }

    private Mono<ServerResponse> withoutPersona(ServerRequest request, String origin, Throwable error) {
        log.info("serving {} without its persona ({}); the page reads it itself", request.path(), error.toString());
        return page(HttpStatus.OK, models.home(origin, request.uri().getRawPath()));
    }

    private Mono<ServerResponse> page(HttpStatus status, PageModel model) {
        return ServerResponse.status(status).contentType(HTML).cacheControl(CacheControl.noCache())
                .bodyValue(template.render(model));
    }

    /** The page's ?limit= (1-100), as its script reads it; else the configured first page. */
    private int limit(ServerRequest request) {
        return request.queryParam("limit").flatMap(PageHandler::integer)
                .filter(limit -> limit >= 1 && limit <= 100)
                .orElse(properties.firstImages());
    }

    private static Optional<Integer> integer(String raw) {
        try {
            return Optional.of(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String origin(ServerRequest request) {
        if (!properties.publicUrl().isEmpty()) {
            return properties.publicUrl();
        }
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
