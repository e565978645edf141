package com.personacomposer.persona.outbox;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.WebhookTarget;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.persona.requests.Outbox;
import com.personacomposer.persona.requests.OwedEvent;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestProperties;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.requests.RequestStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The outbox of the requests collection: a request owes an event from the update that made it owed (recorded,
 * completed, failed, canceled here) until it is settled, so a broker failure between the two loses nothing. Before
 * each publish the event's {@link OwedEffects} are brought about. A sweep publishes
 * what is owed longer than the outbox delay, again every delay until settled. Safe with several instances: each
 * owed event is taken by one conditional update per round; a repeat is harmless, since every consumer is idempotent.
 */
@Component
@RequiredArgsConstructor
public class OwedEvents implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OwedEvents.class);
    private static final int BATCH = 100;

    private final RequestStore requests;
    private final EventPublisher publisher;
    private final RequestProperties properties;
    private final Clock clock;
    /** Looked up when first needed, as the effects publish through this outbox themselves. */
    private final ObjectProvider<OwedEffects> effects;

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.outboxInterval());
    }

    /** When an event owed from now on is due for the sweep. */
    public Instant dueFromNow() {
        return now().plus(properties.outboxDelay());
    }

    /**
     * Publishes what {@code request} owes and settles it, except PersonaRequested, settled when this service reads it
     * back. A failure leaves it owed for the sweep.
     */
    public void publish(PersonaRequest request, OwedEvent owed) {
        try {
            if (!effects.getObject().apply(request, owed)) {
                return;
            }
            publisher.publish(eventOf(request, owed));
        } catch (RuntimeException e) {
            log.warn("could not publish {} of request {}; will retry: {}", owed, request.requestId(), e.toString());
            return;
        }
        if (owed != OwedEvent.PERSONA_REQUESTED) {
            requests.settleOutbox(request.requestId(), owed);
        }
    }

    public void sweep() {
        Instant now = now();
        for (PersonaRequest request : requests.findOutboxDue(now, BATCH)) {
            Outbox owed = request.outbox();
            if (owed.event() == OwedEvent.PERSONA_REQUESTED && request.status() != RequestStatus.PENDING) {
                // Finished without this service reading it back: the stages had it.
                requests.settleOutbox(request.requestId(), owed.event());
                continue;
            }
            requests.takeOutbox(request.requestId(), owed, new Outbox(owed.event(), dueFromNow()))
                    .ifPresent(taken -> {
                        log.info("publishing {} of request {}, owed since before {}", owed.event(),
                                taken.requestId(), owed.due());
                        publish(taken, owed.event());
                    });
        }
    }

    static PersonaEvent eventOf(PersonaRequest request, OwedEvent owed) {
        UUID requestId = UUID.fromString(request.requestId());
        return switch (owed) {
            case PERSONA_REQUESTED -> {
                RequestDetails details = request.details();
                yield PersonaRequested.of(requestId, details.personaKey(), details.personaName(), details.slug(),
                        details.description(), details.mottoTone(), details.model());
            }
            case PERSONA_COMPLETED -> PersonaCompleted.of(requestId, request.personaKey(), request.details().slug(),
                    request.imageId(), webhook(request));
            case PERSONA_FAILED -> PersonaFailed.of(requestId, request.personaKey(),
                    FailureStage.valueOf(request.error().stage().toUpperCase(Locale.ROOT)), request.error().message(),
                    webhook(request));
            case PERSONA_CANCELED -> PersonaCanceled.of(requestId, request.personaKey(), webhook(request));
        };
    }

    /** The webhook target of a request that asked for one (recorded requests only), else null. */
    private static WebhookTarget webhook(PersonaRequest request) {
        return request.details() == null ? null : request.details().webhookTarget();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
