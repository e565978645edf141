package com.personacomposer.persona.intake;

import com.personacomposer.persona.assembly.RequestService;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestProperties;
import com.personacomposer.persona.requests.RequestStore;
import com.personacomposer.persona.web.UnprocessableInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Records the requests of the gateway's intake call: once per requestId, and once per idempotency key within the
 * idempotency window (the key stands for the first request it was given with).
 */
@Component
@RequiredArgsConstructor
class RequestRecorder {

    private final RequestService assembly;
    private final RequestStore requests;
    private final IdempotencyKeys idempotencyKeys;
    private final RequestProperties properties;
    private final Clock clock;

    /**
     * Records a request as PENDING unless it is recorded already, owing PersonaRequested until persona-service reads
     * it back from its topic. With an idempotency key its principal ({@code details.createdBy()}) remembered within
     * the window for another request, that request is answered instead and nothing is recorded.
     *
     * @throws UnprocessableInputException when the key stands for a request that asked for something else
     */
    IntakeResult.Recorded record(UUID requestId, RequestDetails details, String idempotencyKey) {
        String id = requestId.toString();
        Optional<IntakeResult.Recorded> earlier = earlier(requestId, details, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        boolean created = assembly.record(id, details);
        if (idempotencyKey != null) {
            Instant now = now();
            String owner = idempotencyKeys.claim(IdempotencyKeys.scoped(details.createdBy(), idempotencyKey), id,
                    IdempotencyKeys.fingerprint(details), now, now.minus(properties.idempotencyWindow())).requestId();
            if (!owner.equals(id)) {
                // A concurrent call with the same key won; this request was never announced, so it goes.
                if (created) {
                    requests.deleteUnstarted(id);
                }
                return earlier(requestId, details, idempotencyKey)
                        .orElseGet(() -> new IntakeResult.Recorded(requests.find(owner).orElseThrow(), false));
            }
        }
        // Its parts may have arrived before it was recorded.
        return new IntakeResult.Recorded(assembly.completeIfReady(id), created);
    }

    /**
     * The other request the caller's idempotency key already stands for within the window, if any.
     *
     * @throws UnprocessableInputException when that request asked for something else
     */
    Optional<IntakeResult.Recorded> earlier(UUID requestId, RequestDetails details, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        String key = IdempotencyKeys.scoped(details.createdBy(), idempotencyKey);
        String fingerprint = IdempotencyKeys.fingerprint(details);
        return idempotencyKeys.requestOf(key, now().minus(properties.idempotencyWindow()))
                .filter(entry -> !entry.requestId().equals(requestId.toString()))
                .flatMap(entry -> requests.find(checked(entry, fingerprint).requestId()))
                .map(earlier -> new IntakeResult.Recorded(earlier, false));
    }

    private static IdempotencyKeys.Entry checked(IdempotencyKeys.Entry entry, String fingerprint) {
        if (!entry.sameContent(fingerprint)) {
            throw new UnprocessableInputException("Idempotency-Key",
                    "was sent before with another request body; use a new key for a new request");
        }
        return entry;
    }

    private Instant now() {
        // BSON dates keep milliseconds.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
