package com.personacomposer.persona.personas;

import java.time.Instant;

/**
 * A persona without its images (they are paged from their own collection). {@code name} is the display name first
 * given; {@code cover} is the newest image, null until the first one.
 */
record Persona(String key, String slug, String name, Instant createdAt, Instant updatedAt, long imageCount,
               Cover cover) {

    /** What a list item shows of the newest image. */
    record Cover(String imageId, String s3Key, String thumbnailKey, String motto, String mottoTone) {
    }
}
