package com.personacomposer.persona.persona;

import java.time.Instant;

/**
 * One image of a persona, with what it was made from. {@code model} and {@code mottoTone} are the ids of
 * ImageModel and MottoTone (dall-e, sarcastic...). {@code thumbnailKey} is the small JPEG stored beside the image;
 * {@code createdBy} the principal id of who asked for it (null: anonymous), {@code createdByName} what others are
 * shown of them (null: nothing known).
 */
public record PersonaImage(
        String id,
        String requestId,
        String s3Key,
        String contentType,
        String thumbnailKey,
        String thumbnailContentType,
        String model,
        String description,
        String mottoTone,
        String motto,
        String revisedPrompt,
        long upvotes,
        long downvotes,
        Instant createdAt,
        String createdBy,
        String createdByName) {

    /**
     * A new image starts with one upvote (its creator's) and no downvotes. Without a thumbnail key (an image stored
     * before thumbnails), the conventional one is taken.
     */
    public static PersonaImage first(String id, String requestId, String s3Key, String contentType,
                                     String thumbnailKey, String thumbnailContentType, String model,
                                     String description, String mottoTone, String motto, String revisedPrompt,
                                     Instant createdAt, String createdBy, String createdByName) {
        return new PersonaImage(id, requestId, s3Key, contentType,
                thumbnailKey != null ? thumbnailKey : Thumbnails.keyOf(s3Key),
                thumbnailContentType != null ? thumbnailContentType : Thumbnails.CONTENT_TYPE,
                model, description, mottoTone, motto, revisedPrompt, 1, 0, createdAt, createdBy, createdByName);
    }
}
