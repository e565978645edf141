package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The request was canceled before it finished (a cancel won over completion). Published by persona-service, through
 * its outbox, when it records the cancel. Consumers: the stages skip work of the request they have not started, the
 * gateway ends waits and event streams of it, and webhook-service delivers it when {@code webhook} asks for
 * {@code canceled}.
 *
 * @param webhook where the request asked its finish to be delivered; null (absent on the wire) when it asked for none
 */
public record PersonaCanceled(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        String personaKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) WebhookTarget webhook) implements PersonaEvent {

    public PersonaCanceled {
        Envelope.check(eventId, occurredAt, requestId, personaKey);
    }

    /** {@code webhook}: the request's webhook target, or null when it asked for none. */
    public static PersonaCanceled of(UUID requestId, String personaKey, WebhookTarget webhook) {
        return new PersonaCanceled(UUID.randomUUID(), Envelope.now(), requestId, personaKey, webhook);
    }
}
