package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stage gave up on the request; {@code reason} is readable by a person. Published by the stage that failed (or by
 * persona-service for a timeout).
 * <p>
 * {@code webhook} (added within schema version 1; absent when null): the stages publish their failure without it;
 * persona-service, having recorded the failure of a request that asked for a webhook, publishes the failure once more
 * with the request's target, and that event is the one delivered.
 */
public record PersonaFailed(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        FailureStage stage,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) WebhookTarget webhook) implements PersonaEvent {

    public PersonaFailed {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    public static PersonaFailed of(UUID requestId, String personaKey, FailureStage stage, String reason) {
        return of(requestId, personaKey, stage, reason, null);
    }

    /** {@code webhook}: the request's webhook target, or null when it asked for none. */
    public static PersonaFailed of(UUID requestId, String personaKey, FailureStage stage, String reason,
                                   WebhookTarget webhook) {
        return new PersonaFailed(UUID.randomUUID(), Envelope.now(), requestId, personaKey, stage, reason, webhook);
    }
}
