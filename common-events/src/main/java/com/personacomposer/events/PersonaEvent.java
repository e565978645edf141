package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * An event of the persona pipeline. Every event carries the same envelope; {@link #eventType()} is the explicit
 * type id on the wire (never a class name) and {@link #schemaVersion()} the version of its JSON Schema.
 */
@JsonPropertyOrder({"eventId", "eventType", "schemaVersion", "occurredAt", "requestId", "personaKey"})
@JsonIgnoreProperties(value = {"eventType", "schemaVersion"}, allowGetters = true)
public sealed interface PersonaEvent
        permits PersonaRequested, ImageGenerated, ImageStored, MottoGenerated, PersonaCompleted, PersonaFailed,
        PersonaCanceled, WebhookDeliveryUpdated, ImageSkipped {

    UUID eventId();

    Instant occurredAt();

    UUID requestId();

    /** The persona's canonical key: the Kafka record key, so one persona's events stay ordered. */
    String personaKey();

    @JsonProperty("eventType")
    default String eventType() {
        return EventType.of(this).id();
    }

    @JsonProperty("schemaVersion")
    default int schemaVersion() {
        return EventType.of(this).version();
    }
}
