package com.personacomposer.persona.requests;

import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.WebhookTarget;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** Where the request's principal asked its finish to be delivered, as the gateway checked it at intake. */
public record RequestWebhook(String url, Set<WebhookEventType> events) {

    public RequestWebhook {
        events = Set.copyOf(events);
    }

    /** The target the finish events of a request made by {@code principal} carry. */
    public WebhookTarget target(String principal) {
        return WebhookTarget.of(url, events, principal);
    }

    Document toDocument() {
        return new Document("url", url).append("events",
                EnumSet.copyOf(events).stream().map(WebhookEventType::id).toList());
    }

    static RequestWebhook of(Document document) {
        List<String> ids = document.getList("events", String.class);
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (String id : ids) {
            events.add(WebhookEventType.fromId(id).orElseThrow());
        }
        return new RequestWebhook(document.getString("url"), events);
    }
}
