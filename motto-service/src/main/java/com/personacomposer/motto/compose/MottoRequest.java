package com.personacomposer.motto.compose;

import com.personacomposer.events.MottoTone;
import java.util.Objects;

/**
 * What a motto is written from.
 *
 * @param personaKey  the persona's canonical key (its identity)
 * @param personaName the display name
 * @param description what the person wrote about the persona; may be empty
 */
public record MottoRequest(String personaKey, String personaName, String description, MottoTone tone) {

    public MottoRequest {
        Objects.requireNonNull(personaKey, "personaKey");
        Objects.requireNonNull(personaName, "personaName");
        Objects.requireNonNull(tone, "tone");
        description = description == null ? "" : description;
    }
}
