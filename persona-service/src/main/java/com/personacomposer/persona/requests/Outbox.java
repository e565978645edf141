package com.personacomposer.persona.requests;

import java.time.Instant;
import org.bson.Document;

/**
 * The event a request owes, kept on the request document in the same update that made it owed, and when the outbox
 * sweep publishes it unless it was settled by then.
 */
public record Outbox(OwedEvent event, Instant due) {

    Document toDocument() {
        return new Document("event", event.name()).append("due", due);
    }

    static Outbox of(Document document) {
        return new Outbox(OwedEvent.valueOf(document.getString("event")), document.getDate("due").toInstant());
    }
}
