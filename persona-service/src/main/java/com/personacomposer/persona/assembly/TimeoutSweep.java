package com.personacomposer.persona.assembly;

import com.personacomposer.events.FailureStage;
import com.personacomposer.kit.reason.Durations;
import com.personacomposer.persona.outbox.OwedEvents;
import com.personacomposer.persona.requests.Outbox;
import com.personacomposer.persona.requests.OwedEvent;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestMetrics;
import com.personacomposer.persona.requests.RequestProperties;
import com.personacomposer.persona.requests.RequestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Fails requests that made no progress within the deadline (stage timeout), and publishes their PersonaFailed. This
 * also catches requests whose events this or another service dead-lettered without failing them. Safe with several
 * instances: each request is failed by one conditional update.
 */
@Component
@RequiredArgsConstructor
class TimeoutSweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweep.class);
    private static final int BATCH = 500;

    private final RequestStore requests;
    private final OwedEvents owedEvents;
    private final RequestProperties properties;
    private final RequestMetrics metrics;
    private final Clock clock;

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    void sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(properties.deadline());
        for (PersonaRequest stale : requests.findStale(cutoff, BATCH)) {
            String message = message(properties.deadline(), stale);
            Outbox owed = new Outbox(OwedEvent.PERSONA_FAILED, owedEvents.dueFromNow());
            requests.timeOut(stale.requestId(), cutoff, message, now, owed).ifPresent(failed -> {
                metrics.failed(failed.details(), FailureStage.TIMEOUT.id());
                log.warn("request {} timed out: {}", failed.requestId(), message);
                owedEvents.publish(failed, OwedEvent.PERSONA_FAILED);
            });
        }
    }

    static String message(Duration deadline, PersonaRequest request) {
        return "no progress for " + Durations.readable(deadline)
                + " (waiting for: " + String.join(", ", request.waitingFor()) + ")";
    }
}
