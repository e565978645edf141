package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The request's image (with its motto) was appended to the persona reachable at {@code slug}. */
public record PersonaCompleted(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        String slug,
        String imageId) implements PersonaEvent {

    public PersonaCompleted {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(imageId, "imageId");
    }

    public static PersonaCompleted of(UUID requestId, String personaKey, String slug, String imageId) {
        return new PersonaCompleted(UUID.randomUUID(), Envelope.now(), requestId, personaKey, slug, imageId);
    }
}
