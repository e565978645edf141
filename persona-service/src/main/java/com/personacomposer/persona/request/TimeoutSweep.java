package com.personacomposer.persona.request;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Fails requests that made no progress within the deadline (stage timeout), by code: the devstack's Mongo server
 * has no TTL indexes. This also catches requests whose events this or another service dead-lettered without
 * failing them. Safe with several instances: each request is failed by one conditional update.
 */
@Component
class TimeoutSweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweep.class);
    private static final int BATCH = 500;

    private final RequestStore requests;
    private final EventPublisher publisher;
    private final RequestProperties properties;
    private final RequestMetrics metrics;
    private final Clock clock;

    TimeoutSweep(RequestStore requests, EventPublisher publisher, RequestProperties properties, RequestMetrics metrics,
                 Clock clock) {
        this.requests = requests;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    void sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(properties.deadline());
        for (PersonaRequest stale : requests.findStale(cutoff, BATCH)) {
            String message = message(properties.deadline(), stale);
            requests.timeOut(stale.requestId(), cutoff, message, now).ifPresent(failed -> {
                metrics.failed(failed.details(), FailureStage.TIMEOUT.id());
                log.warn("request {} timed out: {}", failed.requestId(), message);
                try {
                    publisher.publish(PersonaFailed.of(UUID.fromString(failed.requestId()), failed.personaKey(),
                            FailureStage.TIMEOUT, message));
                } catch (RuntimeException e) {
                    // The request is FAILED either way; only listeners of persona.failed miss it.
                    log.warn("could not publish the timeout of request {}", failed.requestId(), e);
                }
            });
        }
    }

    static String message(Duration deadline, PersonaRequest request) {
        return "no progress for " + Durations.format(deadline)
                + " (waiting for: " + String.join(", ", request.waitingFor()) + ")";
    }
}
