package com.personacomposer.gateway.status;

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
 * Watches a request's status by asking persona-service again and again, never blocking a thread: the next poll is
 * scheduled {@code pollInterval} after the previous answer, so a slow persona-service is never asked twice at once.
 */
@Component
public class RequestStatusPoller {

    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    private static final Logger log = LoggerFactory.getLogger(RequestStatusPoller.class);

    private final PersonaServiceClient personaService;
    private final Duration pollInterval;

    public RequestStatusPoller(PersonaServiceClient personaService, GatewayProperties properties) {
        this.personaService = personaService;
        this.pollInterval = properties.pollInterval();
    }

    /**
     * Every status persona-service answers, from now on, forever (callers take what they need). A failed poll is
     * skipped: a watcher outlives a brief outage of persona-service.
     */
    public Flux<JsonNode> watch(UUID requestId) {
        return Mono.defer(() -> personaService.requestStatus(requestId))
                .flatMap(Mono::justOrEmpty)
                .onErrorResume(error -> {
                    log.debug("Status poll of request {} failed: {}", requestId, error.toString());
                    return Mono.empty();
                })
                .repeatWhen(answers -> answers.delayElements(pollInterval));
    }

    /** The request's final status (COMPLETED or FAILED), or empty if it has none within {@code within}. */
    public Mono<JsonNode> awaitFinished(UUID requestId, Duration within) {
        return watch(requestId)
                .filter(RequestStatusPoller::isFinished)
                .next()
                .timeout(within, Mono.empty());
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public static String state(JsonNode status) {
        return status.path("status").asString("");
    }

    public static boolean isFinished(JsonNode status) {
        String state = state(status);
        return COMPLETED.equals(state) || FAILED.equals(state);
    }
}
