package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An image provider produced an image, downloadable for a short time from {@code imageUrl}.
 * {@code revisedPrompt} is the prompt the provider really used, where it says (DALL-E 3), else null.
 */
public record ImageGenerated(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        ImageModel model,
        String imageUrl,
        String revisedPrompt) implements PersonaEvent {

    public ImageGenerated {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(imageUrl, "imageUrl");
    }

    public static ImageGenerated of(UUID requestId, String personaKey, ImageModel model, String imageUrl,
                                    String revisedPrompt) {
        return new ImageGenerated(UUID.randomUUID(), Envelope.now(), requestId, personaKey, model, imageUrl,
                revisedPrompt);
    }
}
