package com.personacomposer.gateway.status;

import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.downstream.PersonaServiceClient;
import com.personacomposer.gateway.downstream.PersonaServiceUnavailableException;
import com.personacomposer.gateway.web.Problems;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/requests/{requestId}/events: the request's status as server-sent events. The current status first (so a
 * late subscriber still learns where things stand), then one {@code status} event per change, and finally
 * {@code completed}, {@code failed} or {@code canceled} with the final status, after which the stream closes.
 */
@Component
class RequestEventsHandler {

    static final String STATUS = "status";
    /** Keeps proxies from closing a quiet stream while a request is still pending. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final PersonaServiceClient personaService;
    private final RequestStatusWatcher watcher;
    private final JsonMapper json;
    private final Duration streamTimeout;

    RequestEventsHandler(PersonaServiceClient personaService, RequestStatusWatcher watcher, JsonMapper json,
                         GatewayProperties properties) {
        this.personaService = personaService;
        this.watcher = watcher;
        this.json = json;
        this.streamTimeout = properties.eventStreamTimeout();
    }

    Mono<ServerResponse> stream(ServerRequest request) {
        Optional<UUID> requestId = parseId(request.pathVariable("requestId"));
        if (requestId.isEmpty()) {
            return unknown(request);
        }
        return personaService.requestStatus(requestId.get())
                .flatMap(current -> current.isEmpty()
                        ? unknown(request)
                        : ServerResponse.ok()
                                .contentType(MediaType.TEXT_EVENT_STREAM)
                                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                                .body(BodyInserters.fromServerSentEvents(events(requestId.get(), current.get()))))
                .onErrorResume(PersonaServiceUnavailableException.class, error -> Problems.respond(request,
                        Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Request status is unavailable right now; try again shortly.")));
    }

    Flux<ServerSentEvent<String>> events(UUID requestId, JsonNode current) {
        Flux<ServerSentEvent<String>> changes = Flux.concat(Mono.just(current), watcher.watch(requestId))
                .distinctUntilChanged()
                .takeUntil(RequestStatusWatcher::isFinished)
                .concatMap(status -> RequestStatusWatcher.isFinished(status)
                        ? Flux.just(event(STATUS, status), event(RequestStatusWatcher.state(status).toLowerCase(Locale.ROOT), status))
                        : Flux.just(event(STATUS, status)));
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(HEARTBEAT, HEARTBEAT)
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return changes.mergeWith(heartbeats)
                .takeUntil(RequestEventsHandler::isLast)
                .take(streamTimeout);
    }

    private ServerSentEvent<String> event(String name, JsonNode status) {
        return ServerSentEvent.builder(json.writeValueAsString(status)).event(name).build();
    }

    private static boolean isLast(ServerSentEvent<String> event) {
        return "completed".equals(event.event()) || "failed".equals(event.event()) || "canceled".equals(event.event());
    }

    private static Mono<ServerResponse> unknown(ServerRequest request) {
        return Problems.respond(request, Problems.of(HttpStatus.NOT_FOUND, "No such request."));
    }

    /** Request ids are UUIDs; anything else names no request (and is never sent on to persona-service). */
    private static Optional<UUID> parseId(String raw) {
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
