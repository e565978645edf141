package com.personacomposer.persona.requests;

import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.persona.store.BsonValues;
import java.time.Instant;
import org.bson.Document;

/** Where the webhook delivery of the request's finish stands, as the newest WebhookDeliveryUpdated told it. */
public record WebhookDelivery(WebhookDeliveryState state, int attempts, Integer lastStatus, Instant nextAttemptAt,
                              Instant occurredAt) {

    /** Before webhook-service said anything: nothing attempted yet. */
    public static final WebhookDelivery NOT_STARTED = new WebhookDelivery(WebhookDeliveryState.PENDING, 0, null, null,
            null);

    public static WebhookDelivery of(WebhookDeliveryUpdated update) {
        return new WebhookDelivery(update.state(), update.attempts(), update.lastStatus(), update.nextAttemptAt(),
                update.occurredAt());
    }

    Document toDocument() {
        return new Document("state", state.name()).append("attempts", attempts).append("lastStatus", lastStatus)
                .append("nextAttemptAt", nextAttemptAt).append("occurredAt", occurredAt);
    }

    static WebhookDelivery of(Document document) {
        Number lastStatus = document.get("lastStatus", Number.class);
        return new WebhookDelivery(WebhookDeliveryState.valueOf(document.getString("state")),
                (int) BsonValues.number(document, "attempts"), lastStatus == null ? null : lastStatus.intValue(),
                BsonValues.instant(document, "nextAttemptAt"), BsonValues.instant(document, "occurredAt"));
    }
}
