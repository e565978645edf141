package com.personacomposer.kit.request;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.reason.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PersonaRequested older than the request deadline is failed (stage timeout) instead of handled: after an outage
 * a backlog of requests nobody waits for any more must not keep calling paid providers. Age is measured from the
 * event's occurredAt (set when the request was accepted).
 */
public class RequestDeadline {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

    private final Duration deadline;
    private final Clock clock;
    private final EventPublisher publisher;

    public RequestDeadline(RequestDeadlineProperties properties, Clock clock, EventPublisher publisher) {
        this.deadline = properties.deadline();
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Publishes the request's PersonaFailed (stage timeout) if it is past its deadline; call before any provider.
     *
     * @return true when the request was failed and must not be handled
     */
    public boolean failIfExpired(PersonaRequested request) {
        Optional<PersonaFailed> expired = expired(request);
        expired.ifPresent(failed -> {
            log.warn("request {}: {}", request.requestId(), failed.reason());
            publisher.publish(failed);
        });
        return expired.isPresent();
    }

    /** The PersonaFailed for a request past its deadline, or empty while it still has time. */
    Optional<PersonaFailed> expired(PersonaRequested request) {
        Duration age = Duration.between(request.occurredAt(), clock.instant());
        if (age.compareTo(deadline) <= 0) {
            return Optional.empty();
        }
        return Optional.of(PersonaFailed.of(request.requestId(), request.personaKey(), FailureStage.TIMEOUT,
                "timed out: the request waited " + Durations.readable(age) + " before it could be worked on, longer "
                        + "than the " + Durations.readable(deadline) + " deadline, so it was given up without calling "
                        + "a provider"));
    }
}
