package com.personacomposer.persona.persona;

import java.time.Instant;
import java.util.List;

/** A persona with its images, oldest first. {@code name} is the display name first given. */
record Persona(String key, String slug, String name, Instant createdAt, Instant updatedAt, List<PersonaImage> images) {

    PersonaImage newestImage() {
        return images.isEmpty() ? null : images.get(images.size() - 1);
    }
}
