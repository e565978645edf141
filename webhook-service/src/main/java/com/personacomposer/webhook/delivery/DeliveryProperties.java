package com.personacomposer.webhook.delivery;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When deliveries are attempted (persona.webhook.delivery.*).
 *
 * @param retryDelays   the pause after each failed attempt (PERSONA_WEBHOOK_RETRY_DELAYS): n delays make n + 1
 *                      attempts; after the last one fails the delivery is failed
 * @param jitter        each pause is moved by up to this fraction either way, so receivers that were down together
 *                      are not all retried in the same second
 * @param sweepInterval how often due deliveries are looked for
 * @param maxConcurrent deliveries attempted at once by this instance (a receiver that hangs holds one of them)
 * @param claimLease    how long a claimed delivery is this instance's; one that is not settled by then (the instance
 *                      died mid-attempt) is attempted again by any instance. Longer than an attempt can take.
 * @param statusRetry   the pause before reading the request's status from persona-service again when it could not
 *                      be read (counts as no attempt)
 * @param announceDelay how long an update of a delivery's state may stay unpublished before the sweep publishes it
 */
@Validated
@ConfigurationProperties("persona.webhook.delivery")
record DeliveryProperties(
        @NotEmpty List<@NotNull Duration> retryDelays,
        @DecimalMin("0.0") @DecimalMax("0.5") double jitter,
        @NotNull Duration sweepInterval,
        @Min(1) @Max(1024) int maxConcurrent,
        @NotNull Duration claimLease,
        @NotNull Duration statusRetry,
        @NotNull Duration announceDelay) {

    public DeliveryProperties {
        retryDelays = List.copyOf(retryDelays);
        if (retryDelays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("persona.webhook.delivery.retry-delays (PERSONA_WEBHOOK_RETRY_DELAYS) "
                    + "must be positive durations, such as 5s,1m,5m: " + retryDelays);
        }
    }
}
