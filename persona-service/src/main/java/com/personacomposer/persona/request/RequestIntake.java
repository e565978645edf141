package com.personacomposer.persona.request;

import com.personacomposer.persona.persona.PersonaQueries;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The gateway's intake call, one per persona request: unless it is forced, a persona that exists already is answered
 * as it is (nothing is recorded); otherwise the request is recorded as PENDING.
 */
@Service
class RequestIntake {

    private final RequestService requests;
    private final PersonaQueries personas;

    RequestIntake(RequestService requests, PersonaQueries personas) {
        this.requests = requests;
        this.personas = personas;
    }

    /** {@code principal}: who asks, as the gateway forwards it (null: anonymous). */
    IntakeResult take(UUID requestId, IntakeBody body, String principal) {
        RequestDetails details = body.toDetails(principal);
        if (Boolean.TRUE.equals(body.unlessPersonaExists())) {
            var existing = personas.find(details.slug(), PersonaQueries.DEFAULT_IMAGE_LIMIT);
            if (existing.isPresent()) {
                return new IntakeResult.PersonaExists(existing.get());
            }
        }
        return requests.record(requestId, details, body.idempotencyKey());
    }
}
