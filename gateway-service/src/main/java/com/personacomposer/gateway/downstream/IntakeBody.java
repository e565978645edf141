package com.personacomposer.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.personacomposer.events.WebhookEventType;
import java.util.Set;

/**
 * The body of persona-service's intake call, PUT /internal/requests/{requestId}: what was asked, recorded as
 * PENDING; with {@code unlessPersonaExists}, only when no persona of that slug exists yet.
 *
 * @param webhook where to deliver the request's finish (already checked: the caller is a principal, the URL may be
 *                delivered to); null, and left out, when the client asked for none
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
        boolean unlessPersonaExists,
        Webhook webhook) {

    /** @param events the finishes to deliver, by their ids (completed, failed, canceled), at least one */
    public record Webhook(String url, Set<WebhookEventType> events) {
    }
}
