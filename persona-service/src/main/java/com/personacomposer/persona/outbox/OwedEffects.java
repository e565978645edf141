package com.personacomposer.persona.outbox;

import com.personacomposer.persona.requests.OwedEvent;
import com.personacomposer.persona.requests.PersonaRequest;

/**
 * What must have happened before a request's owed event may be published: the persona holds the image of a
 * completed request, a canceled request's stored image is deleted. Done on every publish attempt (the sweep's too),
 * so a crash between the state change and its effects loses nothing; every effect is idempotent.
 */
public interface OwedEffects {

    /**
     * Brings about what {@code owed} announces. False when the event must not be published after all: the request
     * moved on (its new owed event was handled by this call).
     */
    boolean apply(PersonaRequest request, OwedEvent owed);
}
