package com.personacomposer.webhook.delivery;

import com.personacomposer.events.WebhookEventType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a delivery sends, made once and kept, so every attempt sends the same bytes:
 * {@code {type: "persona.completed"|"persona.failed"|"persona.canceled", timestamp, data}} where {@code data} is the
 * request's status as {@code GET /api/requests/{id}} answers its principal, and on completion also the persona's
 * {@code slug} and the new image's {@code imageId}. The status's own {@code webhook} field is left out: it is this very
 * delivery's state, which would be stale the moment it was sent.
 */
final class WebhookBody {

    private WebhookBody() {
    }

    static String of(JsonMapper json, Delivery delivery, ObjectNode status) {
        ObjectNode data = status.deepCopy();
        data.remove("webhook");
        if (delivery.event() == WebhookEventType.COMPLETED) {
            data.put("slug", delivery.slug());
            data.put("imageId", delivery.imageId());
        }
        ObjectNode body = json.createObjectNode();
        body.put("type", type(delivery.event()));
        body.put("timestamp", delivery.finishedAt().toString());
        body.set("data", data);
        return json.writeValueAsString(body);
    }

    /** The body's {@code type}: the finish's topic name, {@code persona.<event>}. */
    static String type(WebhookEventType event) {
        return "persona." + event.id();
    }
}
