package com.personacomposer.persona.intake;

import com.personacomposer.persona.personas.PersonaView;
import com.personacomposer.persona.requests.PersonaRequest;

/** The answer to the gateway's intake call: the persona that exists already, or the request recorded for it. */
sealed interface IntakeResult permits IntakeResult.PersonaExists, IntakeResult.Recorded {

    /** Asked unless a persona exists, and one does: nothing was recorded. */
    record PersonaExists(PersonaView persona) implements IntakeResult {
    }

    /**
     * The request the call stands for (an earlier one when its idempotency key was known), and whether this call
     * recorded it.
     */
    record Recorded(PersonaRequest request, boolean created) implements IntakeResult {
    }
}
