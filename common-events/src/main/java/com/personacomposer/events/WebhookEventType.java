package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The finishes of a request a client may ask to hear about by webhook (the API's {@code webhookEvents}), each told by
 * one finish event: {@link PersonaCompleted}, {@link PersonaFailed} or {@link PersonaCanceled}.
 */
public enum WebhookEventType {
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("canceled") CANCELED;

    /** The id clients name it by ({@code completed}, {@code failed}, {@code canceled}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookEventType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id().equals(id)).findFirst();
    }
}
