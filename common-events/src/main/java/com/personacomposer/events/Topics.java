package com.personacomposer.events;

import java.util.List;

/**
 * Kafka topic names of the pipeline (constants, for listener annotations; {@link EventType} says which event goes
 * where). Every record is keyed by the persona's canonical key.
 */
public final class Topics {

    public static final String PERSONA_REQUESTED = "persona.requested";
    public static final String IMAGE_GENERATED = "persona.image.generated";
    public static final String IMAGE_STORED = "persona.image.stored";
    /** image-service dropped a canceled request before any paid call (ImageSkipped). */
    public static final String IMAGE_SKIPPED = "persona.image.skipped";
    public static final String MOTTO_GENERATED = "persona.motto.generated";
    public static final String PERSONA_COMPLETED = "persona.completed";
    public static final String PERSONA_FAILED = "persona.failed";
    public static final String PERSONA_CANCELED = "persona.canceled";
    /** Where webhook deliveries stand (WebhookDeliveryUpdated), published by webhook-service. */
    public static final String WEBHOOK_UPDATED = "persona.webhook.updated";

    /** Suffix of the dead-letter topic of each topic (Spring Kafka's default convention). */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** Every topic an {@link EventType} is published to. */
    public static final List<String> ALL = EventType.topics();

    private Topics() {
    }

    /** The topic an event is published to. */
    public static String of(PersonaEvent event) {
        return EventType.of(event).topic();
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
