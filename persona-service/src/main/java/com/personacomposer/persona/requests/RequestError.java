package com.personacomposer.persona.requests;

import org.bson.Document;

/** Why a request failed: {@code stage} is image, storage, motto or timeout. */
public record RequestError(String stage, String message) {

    Document toDocument() {
        return new Document("stage", stage).append("message", message);
    }

    static RequestError of(Document document) {
        return new RequestError(document.getString("stage"), document.getString("message"));
    }
}
