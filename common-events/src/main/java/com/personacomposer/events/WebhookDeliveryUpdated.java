package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the webhook delivery of a request's finish stands. Published by webhook-service when it records a delivery
 * (pending, 0 attempts) and after each attempt; persona-service keeps the one with the most {@code attempts} per
 * request (and, among equal attempts, the newer {@code occurredAt}) and shows it to the request's principal. An update
 * may be published more than once and out of order: readers keep the newest, never go back.
 *
 * @param webhookId     the delivery's {@code webhook-id} header: {@code msg_<requestId>_<event>}, one per (request,
 *                      finish), the same on every retry, so receivers drop repeats by it
 * @param event         which finish is being delivered
 * @param state         pending, delivered or failed
 * @param attempts      attempts made so far (0 when just recorded)
 * @param lastStatus    the HTTP status of the last attempt; null before the first, or when the last attempt got no
 *                      answer (timeout, connection refused, target refused by the address policy)
 * @param nextAttemptAt when the next attempt is due; null unless {@code state} is pending
 */
public record WebhookDeliveryUpdated(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        String webhookId,
        WebhookEventType event,
        WebhookDeliveryState state,
        int attempts,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer lastStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAttemptAt) implements PersonaEvent {

    public WebhookDeliveryUpdated {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(state, "state");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    public static WebhookDeliveryUpdated of(UUID requestId, String personaKey, String webhookId,
                                            WebhookEventType event, WebhookDeliveryState state, int attempts,
                                            Integer lastStatus, Instant nextAttemptAt) {
        return new WebhookDeliveryUpdated(UUID.randomUUID(), Envelope.now(), requestId, personaKey, webhookId, event,
                state, attempts, lastStatus, nextAttemptAt);
    }
}
