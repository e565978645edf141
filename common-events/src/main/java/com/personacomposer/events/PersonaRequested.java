package com.personacomposer.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person asked for a new image (and motto) of a persona. Published by the gateway. */
public record PersonaRequested(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        String personaName,
        String slug,
        String description,
        MottoTone mottoTone,
        ImageModel model) implements PersonaEvent {

    public PersonaRequested {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(personaName, "personaName");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(mottoTone, "mottoTone");
        Objects.requireNonNull(model, "model");
        description = description == null ? "" : description;
    }

    public static PersonaRequested of(UUID requestId, String personaKey, String personaName, String slug,
                                      String description, MottoTone mottoTone, ImageModel model) {
        return new PersonaRequested(UUID.randomUUID(), Envelope.now(), requestId, personaKey, personaName, slug,
                description, mottoTone, model);
    }
}
