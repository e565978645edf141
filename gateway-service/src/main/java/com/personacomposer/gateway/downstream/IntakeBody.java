package com.personacomposer.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of persona-service's intake call, PUT /internal/requests/{requestId}: what was asked, recorded as
 * PENDING; with {@code unlessPersonaExists}, only when no persona of that slug exists yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeBody(
        String personaKey,
        String personaName,
        String slug,
        String description,
        String mottoTone,
        String model,
        String idempotencyKey,
        boolean unlessPersonaExists) {
}
