package com.personacomposer.persona.requests;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long requests may take, and how long idempotency keys are remembered.
 *
 * @param deadline          a PENDING request without progress for this long fails with stage timeout
 *                          (PERSONA_REQUEST_DEADLINE)
 * @param sweepInterval     how often pending requests are checked against the deadline
 * @param idempotencyWindow how long an idempotency key keeps standing for the request it was first given with (its
 *                          stored entry is removed by a TTL index after that long)
 * @param outboxDelay       how long an owed event may stay unconfirmed before this service publishes it (again): a
 *                          request the gateway recorded but this service did not read back from persona.requested, a
 *                          PersonaCompleted or PersonaFailed whose publishing failed
 * @param outboxInterval    how often owed events are looked for
 */
@Validated
@ConfigurationProperties("persona.requests")
public record RequestProperties(
        @NotNull Duration deadline,
        @NotNull Duration sweepInterval,
        @NotNull Duration idempotencyWindow,
        @NotNull Duration outboxDelay,
        @NotNull Duration outboxInterval) {
}
