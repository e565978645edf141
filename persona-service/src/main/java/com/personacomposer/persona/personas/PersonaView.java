package com.personacomposer.persona.personas;

import java.time.Instant;
import java.util.List;

/**
 * A persona as GET /api/personas/{slug} answers it: the first page of its images (presigned), {@code imageCount} on
 * all pages, and {@code nextImages}, the relative URL of the next page (null when there is none). {@code motto} and
 * {@code coverImageId} are its newest image's (what a shared link previews), null while it has none.
 */
public record PersonaView(String name, String slug, Instant createdAt, Instant updatedAt, long imageCount,
                          String motto, String coverImageId, List<PersonaViews.ImageView> images,
                          String nextImages) {
}
