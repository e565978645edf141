package com.personacomposer.kit.request;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The request deadline as the pipeline stages see it: the same setting (PERSONA_REQUEST_DEADLINE) persona-service
 * fails stalled requests by, so a stage never spends on a request that has already timed out.
 *
 * @param deadline how long a request may take from the moment it was asked for
 */
@Validated
@ConfigurationProperties("persona.requests")
public record RequestDeadlineProperties(@NotNull @DurationMin(millis = 1) Duration deadline) {
}
