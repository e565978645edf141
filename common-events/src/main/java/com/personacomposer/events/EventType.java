package com.personacomposer.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event of the pipeline, in one place: its type id on the wire, the version of its JSON Schema, its record and
 * the topic it is published to. {@link EventCodec} and {@link Topics} read this table; the {@code permits} of
 * {@link PersonaEvent} must list the same records (a test checks it). A new event: a record here, a schema in
 * resources/schemas, a row in asyncapi.yaml.
 */
public enum EventType {
    PERSONA_REQUESTED("PersonaRequested", 1, PersonaRequested.class, Topics.PERSONA_REQUESTED),
    IMAGE_GENERATED("ImageGenerated", 1, ImageGenerated.class, Topics.IMAGE_GENERATED),
    IMAGE_STORED("ImageStored", 1, ImageStored.class, Topics.IMAGE_STORED),
    MOTTO_GENERATED("MottoGenerated", 1, MottoGenerated.class, Topics.MOTTO_GENERATED),
    PERSONA_COMPLETED("PersonaCompleted", 1, PersonaCompleted.class, Topics.PERSONA_COMPLETED),
    PERSONA_FAILED("PersonaFailed", 1, PersonaFailed.class, Topics.PERSONA_FAILED),
    PERSONA_CANCELED("PersonaCanceled", 1, PersonaCanceled.class, Topics.PERSONA_CANCELED),
    WEBHOOK_DELIVERY_UPDATED("WebhookDeliveryUpdated", 1, WebhookDeliveryUpdated.class, Topics.WEBHOOK_UPDATED),
    IMAGE_SKIPPED("ImageSkipped", 1, ImageSkipped.class, Topics.IMAGE_SKIPPED);

    private static final Map<String, EventType> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::id, Function.identity()));
    private static final Map<Class<?>, EventType> BY_RECORD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::record, Function.identity()));

    private final String id;
    private final int version;
    private final Class<? extends PersonaEvent> record;
    private final String topic;

    EventType(String id, int version, Class<? extends PersonaEvent> record, String topic) {
        this.id = id;
        this.version = version;
        this.record = record;
        this.topic = topic;
    }

    /** The {@code eventType} on the wire (never a class name). */
    public String id() {
        return id;
    }

    /** The {@code schemaVersion} written, and the newest one read. */
    public int version() {
        return version;
    }

    public Class<? extends PersonaEvent> record() {
        return record;
    }

    public String topic() {
        return topic;
    }

    static Optional<EventType> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    static EventType of(PersonaEvent event) {
        EventType type = BY_RECORD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no event type for " + event.getClass().getName());
        }
        return type;
    }

    /** The topics, each once, in the order of this table. */
    static List<String> topics() {
        return Arrays.stream(values()).map(EventType::topic).distinct().toList();
    }
}
