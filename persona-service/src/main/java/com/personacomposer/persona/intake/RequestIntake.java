package com.personacomposer.persona.intake;

import com.personacomposer.persona.personas.PersonaQueries;
import com.personacomposer.persona.quota.Quotas;
import com.personacomposer.persona.requests.RequestDetails;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The gateway's intake call, one per persona request: unless it is forced, a persona that exists already is answered
 * as it is (nothing is recorded); otherwise the request is counted against the caller's quota (429 when used up) and
 * recorded as PENDING. A repeat of an idempotency key or of the call itself is answered without counting again.
 */
@Service
@RequiredArgsConstructor
class RequestIntake {

    private final RequestRecorder requests;
    private final PersonaQueries personas;
    private final Quotas quotas;

    /**
     * {@code principal}: who asks, as the gateway forwards it (null: anonymous); {@code name}: what others are shown
     * of them as the creator of the image (null: nothing).
     */
    IntakeResult take(UUID requestId, IntakeBody body, String principal, String name) {
        RequestDetails details = body.toDetails(principal, name);
        if (Boolean.TRUE.equals(body.unlessPersonaExists())) {
            var existing = personas.find(details.slug(), PersonaQueries.DEFAULT_IMAGE_LIMIT, principal);
            if (existing.isPresent()) {
                return new IntakeResult.PersonaExists(existing.get());
            }
        }
        Optional<IntakeResult.Recorded> earlier = requests.earlier(requestId, details, body.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        boolean charged = quotas.charge(requestId.toString(), principal, details.model().id());
        try {
            IntakeResult.Recorded recorded = requests.record(requestId, details, body.idempotencyKey());
            if (charged && !recorded.request().requestId().equals(requestId.toString())) {
                quotas.undoCharge(requestId.toString()); // a concurrent call with the same key won
            }
            return recorded;
        } catch (RuntimeException e) {
            if (charged) {
                quotas.undoCharge(requestId.toString());
            }
            throw e;
        }
    }
}
