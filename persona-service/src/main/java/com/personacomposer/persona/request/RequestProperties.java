package com.personacomposer.persona.request;

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
 * @param idempotencyWindow how long an idempotency key keeps standing for the request it was first given with
 */
@Validated
@ConfigurationProperties("persona.requests")
public record RequestProperties(
        @NotNull Duration deadline,
        @NotNull Duration sweepInterval,
        @NotNull Duration idempotencyWindow) {
}
