package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The generated image is stored in the bucket under {@code s3Key}, and its thumbnail (at most 256 px on its longer
 * side) under {@code thumbnailKey}. The thumbnail fields were added within schema version 1: events written before
 * them carry none (null).
 */
public record ImageStored(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        ImageModel model,
        String s3Key,
        String contentType,
        long sizeBytes,
        String revisedPrompt,
        String thumbnailKey,
        String thumbnailContentType) implements PersonaEvent {

    public ImageStored {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(s3Key, "s3Key");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** An image stored without a thumbnail, as before thumbnails existed. */
    public static ImageStored of(UUID requestId, String personaKey, ImageModel model, String s3Key,
                                 String contentType, long sizeBytes, String revisedPrompt) {
        return of(requestId, personaKey, model, s3Key, contentType, sizeBytes, revisedPrompt, null, null);
    }

    public static ImageStored of(UUID requestId, String personaKey, ImageModel model, String s3Key,
                                 String contentType, long sizeBytes, String revisedPrompt, String thumbnailKey,
                                 String thumbnailContentType) {
        return new ImageStored(UUID.randomUUID(), Envelope.now(), requestId, personaKey, model, s3Key, contentType,
                sizeBytes, revisedPrompt, thumbnailKey, thumbnailContentType);
    }
}
