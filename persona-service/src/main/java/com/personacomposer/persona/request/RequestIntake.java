package com.personacomposer.persona.request;

import com.personacomposer.persona.persona.PersonaQueries;
import com.personacomposer.persona.persona.PersonaViews.PersonaView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The gateway's one call per persona request: unless it is forced, a persona that exists already is answered as it
 * is (nothing is recorded); otherwise the request is recorded as PENDING.
 */
@Service
class RequestIntake {

    private final RequestService requests;
    private final PersonaQueries personas;

    RequestIntake(RequestService requests, PersonaQueries personas) {
        this.requests = requests;
        this.personas = personas;
    }

    sealed interface Intake permits PersonaExists, Recorded {
    }

    record PersonaExists(PersonaView persona) implements Intake {
    }

    record Recorded(RecordOutcome outcome) implements Intake {
    }

    Intake take(UUID requestId, RecordRequestBody body) {
        RequestDetails details = body.toDetails();
        if (Boolean.TRUE.equals(body.unlessPersonaExists())) {
            Optional<PersonaView> existing = personas.find(details.slug());
            if (existing.isPresent()) {
                return new PersonaExists(existing.get());
            }
        }
        return new Recorded(requests.record(requestId, details, body.idempotencyKey()));
    }
}
