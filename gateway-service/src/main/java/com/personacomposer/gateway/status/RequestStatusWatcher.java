package com.personacomposer.gateway.status;

import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.downstream.PersonaServiceClient;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Watches a request's status without blocking a thread and without asking persona-service often: a finish event
 * heard from Kafka ({@link RequestFinishes}) makes it ask at once (or, for a waiting POST, a completion needs no
 * asking); otherwise it asks at a steady pace (every {@code pollInterval} for event streams, which show stage changes;
 * every {@code finishCheckInterval} for a waiting POST, which only needs the finish), standing in for a finish event
 * that was missed. persona-service is never asked twice at once for one watcher.
 */
@Component
public class RequestStatusWatcher {

    private static final String COMPLETED = "COMPLETED";
    private static final String FAILED = "FAILED";
    private static final String CANCELED = "CANCELED";

    /**
     * PersonaFailed reaches persona-service and this gateway at the same moment, so right after the event
     * persona-service may not have recorded the failure yet: it is asked again at this pace for a little while.
     */
    static final Duration SETTLE_INTERVAL = Duration.ofMillis(100);
    static final int SETTLE_ASKS = 10;

    private static final Logger log = LoggerFactory.getLogger(RequestStatusWatcher.class);

    private final PersonaServiceClient personaService;
    private final RequestFinishes finishes;
    private final Duration pollInterval;
    private final Duration finishCheckInterval;

    public RequestStatusWatcher(PersonaServiceClient personaService, RequestFinishes finishes,
                                GatewayProperties properties) {
        this.personaService = personaService;
        this.finishes = finishes;
        this.pollInterval = properties.pollInterval();
        this.finishCheckInterval = properties.finishCheckInterval();
    }

    /**
     * The statuses persona-service answers from now on, forever (callers take what they need), one every
     * {@code pollInterval} and at once on a finish event. A failed ask is skipped: a watcher outlives a brief
     * outage of persona-service.
     */
    public Flux<JsonNode> watch(UUID requestId) {
        return watch(requestId, pollInterval, finishes.of(requestId));
    }

    private Flux<JsonNode> watch(UUID requestId, Duration interval, Flux<? extends PersonaEvent> nudgingEvents) {
        Flux<Long> polls = Flux.interval(interval, interval);
        Flux<Long> nudges = nudgingEvents
                .switchMap(event -> Flux.interval(Duration.ZERO, SETTLE_INTERVAL).take(SETTLE_ASKS));
        return Flux.merge(polls, nudges)
                // An ask in flight makes further ticks pointless: its answer is the news.
                .onBackpressureDrop()
                .concatMap(tick -> status(requestId), 1);
    }

    /**
     * How the request ended, or empty if it has not within {@code within}. PersonaCompleted is news enough (persona-
     * service publishes it once the persona holds the image); a failure or cancel is read from persona-service, which
     * may record a failure a moment after the PersonaFailed event (published by the stage that failed).
     */
    public Mono<RequestEnd> awaitFinished(UUID requestId, Duration within) {
        Flux<RequestEnd> completions = finishes.of(requestId).ofType(PersonaCompleted.class)
                .map(completed -> new RequestEnd.Completed(completed.slug()));
        Flux<PersonaEvent> endings = finishes.of(requestId)
                .filter(event -> event instanceof PersonaFailed || event instanceof PersonaCanceled);
        Flux<RequestEnd> asked = watch(requestId, finishCheckInterval, endings)
                .filter(RequestStatusWatcher::isFinished)
                .map(status -> switch (state(status)) {
                    case COMPLETED -> new RequestEnd.Completed(status.path("slug").asString());
                    case CANCELED -> new RequestEnd.Canceled(status);
                    default -> new RequestEnd.Failed(status);
                });
        return Flux.merge(completions, asked)
                .next()
                .timeout(within, Mono.empty());
    }

    private Mono<JsonNode> status(UUID requestId) {
        return personaService.requestStatus(requestId)
                .flatMap(Mono::justOrEmpty)
                .onErrorResume(error -> {
                    log.debug("Status of request {} could not be read: {}", requestId, error.toString());
                    return Mono.empty();
                });
    }

    public static String state(JsonNode status) {
        return status.path("status").asString("");
    }

    public static boolean isFinished(JsonNode status) {
        String state = state(status);
        return COMPLETED.equals(state) || FAILED.equals(state) || CANCELED.equals(state);
    }
}
