package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The request's image (with its motto) was appended to the persona reachable at {@code slug}. Published by
 * persona-service.
 * <p>
 * {@code webhook} (added within schema version 1; absent from events of requests without one, and from events written
 * before webhooks existed): where the request asked its finish to be delivered.
 */
public record PersonaCompleted(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        String slug,
        String imageId,
        @JsonInclude(JsonInclude.Include.NON_NULL) WebhookTarget webhook) implements PersonaEvent {

    public PersonaCompleted {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(imageId, "imageId");
    }

    public static PersonaCompleted of(UUID requestId, String personaKey, String slug, String imageId) {
        return of(requestId, personaKey, slug, imageId, null);
    }

    /** {@code webhook}: the request's webhook target, or null when it asked for none. */
    public static PersonaCompleted of(UUID requestId, String personaKey, String slug, String imageId,
                                      WebhookTarget webhook) {
        return new PersonaCompleted(UUID.randomUUID(), Envelope.now(), requestId, personaKey, slug, imageId, webhook);
    }
}
