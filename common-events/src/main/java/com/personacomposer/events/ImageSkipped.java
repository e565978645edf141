package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * image-service dropped the request without any paid provider call (so far only because it was canceled before its
 * image was started). Published by image-service; persona-service gives the request's quota unit back.
 *
 * @param reason why: {@value #CANCELED}
 */
public record ImageSkipped(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        String reason) implements PersonaEvent {

    /** The request was canceled before its image was started. */
    public static final String CANCELED = "canceled";

    public ImageSkipped {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(reason, "reason");
    }

    /** The request was canceled before image-service called a provider for it. */
    public static ImageSkipped canceled(UUID requestId, String personaKey) {
        return new ImageSkipped(UUID.randomUUID(), Envelope.now(), requestId, personaKey, CANCELED);
    }
}
