package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The generated image is stored in the bucket under {@code s3Key}. */
public record ImageStored(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        ImageModel model,
        String s3Key,
        String contentType,
        long sizeBytes,
        String revisedPrompt) implements PersonaEvent {

    public ImageStored {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(s3Key, "s3Key");
        Objects.requireNonNull(contentType, "contentType");
    }

    public static ImageStored of(UUID requestId, String personaKey, ImageModel model, String s3Key,
                                 String contentType, long sizeBytes, String revisedPrompt) {
        return new ImageStored(UUID.randomUUID(), Envelope.now(), requestId, personaKey, model, s3Key, contentType,
                sizeBytes, revisedPrompt);
    }
}
