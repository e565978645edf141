package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A motto was written for the request; {@code provider} names who wrote it (local, openai). */
public record MottoGenerated(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        String motto,
        String provider) implements PersonaEvent {

    public MottoGenerated {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(motto, "motto");
        Objects.requireNonNull(provider, "provider");
    }

    public static MottoGenerated of(UUID requestId, String personaKey, String motto, String provider) {
        return new MottoGenerated(UUID.randomUUID(), Envelope.now(), requestId, personaKey, motto, provider);
    }
}
