package com.personacomposer.persona.requests;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;

/**
 * The image part of a request: where storage-service put it and its thumbnail (null in events from before
 * thumbnails).
 */
public record StoredImage(String s3Key, String contentType, String thumbnailKey, String thumbnailContentType,
                   ImageModel model, String revisedPrompt) {

    public static StoredImage of(ImageStored event) {
        return new StoredImage(event.s3Key(), event.contentType(), event.thumbnailKey(),
                event.thumbnailContentType(), event.model(), event.revisedPrompt());
    }
}
