package com.personacomposer.webhook.delivery;

import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.events.WebhookEventType;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;

/**
 * One delivery, as the {@code deliveries} collection keeps it (one document per webhook-id).
 *
 * @param body          the exact JSON every attempt sends; null until the request's status was read
 * @param nextAttemptAt when the next attempt is due (null once delivered or failed)
 * @param due           when the sweep takes it next: {@code nextAttemptAt}, or the end of a claim's lease while an
 *                      instance works on it; null once delivered or failed
 * @param claim         the token of the claim working on it, if any
 * @param giveUpAt      when a delivery whose status never could be read is failed
 * @param announce      set while the state it stands in is not yet published (the outbox of its updates)
 */
record Delivery(
        String id,
        UUID requestId,
        String personaKey,
        WebhookEventType event,
        String url,
        String principal,
        Instant finishedAt,
        String slug,
        String imageId,
        String body,
        WebhookDeliveryState state,
        int attempts,
        Integer lastStatus,
        Instant nextAttemptAt,
        Instant due,
        String claim,
        Instant giveUpAt,
        Instant announce,
        Instant createdAt) {

    static Delivery pending(Finish finish, Instant now, Instant giveUpAt) {
        return new Delivery(finish.webhookId(), finish.requestId(), finish.personaKey(), finish.type(),
                finish.target().url(), finish.target().principal(), finish.occurredAt(), finish.slug(),
                finish.imageId(), null, WebhookDeliveryState.PENDING, 0, null, now, now, null, giveUpAt, now, now);
    }

    Delivery claimed(Instant leaseUntil, String token) {
        return new Delivery(id, requestId, personaKey, event, url, principal, finishedAt, slug, imageId, body, state,
                attempts, lastStatus, nextAttemptAt, leaseUntil, token, giveUpAt, announce, createdAt);
    }

    Delivery withBody(String json) {
        return new Delivery(id, requestId, personaKey, event, url, principal, finishedAt, slug, imageId, json, state,
                attempts, lastStatus, nextAttemptAt, due, claim, giveUpAt, announce, createdAt);
    }

    /** After an attempt (or giving up): the new state, unclaimed, owing its announcement. */
    Delivery after(WebhookDeliveryState newState, int newAttempts, Integer status, Instant next, Instant now) {
        return new Delivery(id, requestId, personaKey, event, url, principal, finishedAt, slug, imageId, body,
                newState, newAttempts, status, next, next, null, giveUpAt, now, createdAt);
    }

    /** The state as the event announcing it tells it. */
    WebhookDeliveryUpdated update() {
        return WebhookDeliveryUpdated.of(requestId, personaKey, id, event, state, attempts, lastStatus,
                state == WebhookDeliveryState.PENDING ? nextAttemptAt : null);
    }

    Document toDocument() {
        return new Document("_id", id)
                .append("requestId", requestId.toString())
                .append("personaKey", personaKey)
                .append("event", event.id())
                .append("url", url)
                .append("principal", principal)
                .append("finishedAt", finishedAt)
                .append("slug", slug)
                .append("imageId", imageId)
                .append("body", body)
                .append("state", state.name().toLowerCase(Locale.ROOT))
                .append("attempts", attempts)
                .append("lastStatus", lastStatus)
                .append("nextAttemptAt", nextAttemptAt)
                .append("due", due)
                .append("claim", claim)
                .append("giveUpAt", giveUpAt)
                .append("announce", announce)
                .append("createdAt", createdAt);
    }

    static Delivery of(Document document) {
        return new Delivery(
                document.getString("_id"),
                UUID.fromString(document.getString("requestId")),
                document.getString("personaKey"),
                WebhookEventType.fromId(document.getString("event")).orElseThrow(),
                document.getString("url"),
                document.getString("principal"),
                instant(document, "finishedAt"),
                document.getString("slug"),
                document.getString("imageId"),
                document.getString("body"),
                WebhookDeliveryState.valueOf(document.getString("state").toUpperCase(Locale.ROOT)),
                document.getInteger("attempts", 0),
                document.getInteger("lastStatus"),
                instant(document, "nextAttemptAt"),
                instant(document, "due"),
                document.getString("claim"),
                instant(document, "giveUpAt"),
                instant(document, "announce"),
                instant(document, "createdAt"));
    }

    private static Instant instant(Document document, String field) {
        java.util.Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    @Override
    public String toString() {
        // The body and URL are the client's data; logs name the delivery only.
        return "Delivery[" + id + ", " + state + ", attempts=" + attempts + "]";
    }
}
