package com.personacomposer.persona.request;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;

/**
 * What was asked for: the fields the gateway records and PersonaRequested carries, and who asked ({@code createdBy}:
 * the caller's principal id the gateway forwards, null for anonymous callers and requests seen only as events;
 * {@code createdByName}: what others are shown of them, never the id).
 */
record RequestDetails(
        String personaKey,
        String personaName,
        String slug,
        String description,
        MottoTone mottoTone,
        ImageModel model,
        String createdBy,
        String createdByName) {

    public RequestDetails {
        description = description == null ? "" : description;
    }

    static RequestDetails of(PersonaRequested event) {
        return new RequestDetails(event.personaKey(), event.personaName(), event.slug(), event.description(),
                event.mottoTone(), event.model(), null, null);
    }
}
