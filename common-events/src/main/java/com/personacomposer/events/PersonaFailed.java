package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stage gave up on the request; {@code reason} is readable by a person. */
public record PersonaFailed(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        FailureStage stage,
        String reason) implements PersonaEvent {

    public PersonaFailed {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    public static PersonaFailed of(UUID requestId, String personaKey, FailureStage stage, String reason) {
        return new PersonaFailed(UUID.randomUUID(), Envelope.now(), requestId, personaKey, stage, reason);
    }
}
