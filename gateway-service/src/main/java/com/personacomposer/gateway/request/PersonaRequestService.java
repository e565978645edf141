package com.personacomposer.gateway.request;

import com.personacomposer.events.PersonaRequested;
import com.personacomposer.gateway.downstream.IntakeBody;
import com.personacomposer.gateway.downstream.IntakeResult;
import com.personacomposer.gateway.downstream.PassThrough;
import com.personacomposer.gateway.downstream.PersonaServiceClient;
import com.personacomposer.gateway.status.RequestEnd;
import com.personacomposer.gateway.status.RequestStatusWatcher;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.kafka.PipelineKafkaProperties;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Get-or-create of a persona, asynchronous: an existing persona is answered at once
 * (unless forced); otherwise the request is recorded as PENDING at persona-service first (so its id is never
 * answered 404), and only then is PersonaRequested published for the pipeline.
 */
@Service
class PersonaRequestService {

    private static final Logger log = LoggerFactory.getLogger(PersonaRequestService.class);

    private final PersonaServiceClient personaService;
    private final EventPublisher publisher;
    private final RequestStatusWatcher watcher;
    private final Duration sendTimeout;

    PersonaRequestService(PersonaServiceClient personaService, EventPublisher publisher, RequestStatusWatcher watcher,
                          PipelineKafkaProperties kafka) {
        this.personaService = personaService;
        this.publisher = publisher;
        this.watcher = watcher;
        this.sendTimeout = kafka.sendTimeout();
    }

    sealed interface Finish permits Completed, Ended, StillPending {
    }

    record Completed(String slug, PassThrough persona) implements Finish {
    }

    /** Failed or canceled: persona-service's status of the request, answered as it is. */
    record Ended(JsonNode status) implements Finish {
    }

    record StillPending() implements Finish {
    }

    /**
     * The intake call to persona-service: it answers an existing persona (unless forced) or records the request,
     * which is then published. The result names the request to report (an earlier one for a known Idempotency-Key).
     */
    Mono<IntakeResult> submit(PersonaRequestInput input, String idempotencyKey) {
        UUID requestId = UUID.randomUUID();
        IntakeBody.Webhook webhook = input.webhook() == null ? null
                : new IntakeBody.Webhook(input.webhook().url().toString(), input.webhook().events());
        IntakeBody body = new IntakeBody(input.name().key(), input.name().displayName(), input.name().slug(),
                input.description(), input.mottoTone().id(), input.model().id(), idempotencyKey, !input.force(), webhook);
        return personaService.intake(requestId, body).flatMap(result -> switch (result) {
            case IntakeResult.PersonaExists exists -> Mono.just(exists);
            // The Idempotency-Key names an earlier request: that one is already under way, nothing to publish.
            case IntakeResult.Recorded recorded when !recorded.requestId().equals(requestId) ->
                    Mono.just(withDefaults(recorded, input));
            case IntakeResult.Recorded recorded -> publish(requestId, input).thenReturn(withDefaults(recorded, input));
        });
    }

    /**
     * Publishes PersonaRequested. A failure still leaves the request accepted: persona-service recorded it and
     * publishes it itself when it has not seen it on the topic within a few seconds.
     */
    private Mono<Void> publish(UUID requestId, PersonaRequestInput input) {
        PersonaRequested event = PersonaRequested.of(requestId, input.name().key(), input.name().displayName(),
                input.name().slug(), input.description(), input.mottoTone(), input.model());
        // send() itself can block (waiting for topic metadata while the broker is away): keep it off the event loop,
        // and continue on a parallel thread rather than on the Kafka producer's I/O thread that completes the future.
        return Mono.fromFuture(() -> publisher.publishAsync(event), true)
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.parallel())
                .timeout(sendTimeout)
                .doOnSuccess(sent -> {
                    // requestId as a structured field too, so this line is found beside the other services' lines.
                    try (MDC.MDCCloseable ignored = MDC.putCloseable("requestId", requestId.toString())) {
                        log.info("accepted request {} for persona {} (model {})", requestId, input.name().slug(),
                                input.model().id());
                    }
                })
                .then()
                .onErrorResume(error -> {
                    log.warn("Could not publish PersonaRequested of request {} (persona-service will): {}", requestId,
                            error.toString());
                    return Mono.empty();
                });
    }

    private static IntakeResult.Recorded withDefaults(IntakeResult.Recorded recorded, PersonaRequestInput input) {
        return new IntakeResult.Recorded(recorded.requestId(),
                recorded.personaName() != null ? recorded.personaName() : input.name().displayName(),
                recorded.slug() != null ? recorded.slug() : input.name().slug(),
                recorded.status() != null ? recorded.status() : "PENDING");
    }

    /**
     * Waits (without holding a thread) until the request finishes or {@code within} passes. Whatever goes wrong
     * while waiting only ends the wait: the request was accepted, so the answer is then a plain 202.
     */
    Mono<Finish> await(IntakeResult.Recorded accepted, Duration within) {
        return watcher.awaitFinished(accepted.requestId(), within)
                .flatMap(end -> switch (end) {
                    case RequestEnd.Completed(String slug) -> completed(slug.isEmpty() ? accepted.slug() : slug);
                    case RequestEnd.Failed(JsonNode status) -> Mono.<Finish>just(new Ended(status));
                    case RequestEnd.Canceled(JsonNode status) -> Mono.<Finish>just(new Ended(status));
                })
                .onErrorResume(error -> Mono.empty())
                .defaultIfEmpty(new StillPending());
    }

    private Mono<Finish> completed(String slug) {
        return personaService.findPersona(slug)
                .flatMap(persona -> Mono.justOrEmpty(persona.map(body -> (Finish) new Completed(slug, body))));
    }
}
