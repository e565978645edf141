package com.personacomposer.events;

import java.util.List;

/** Kafka topic names of the pipeline. Every record is keyed by the persona's canonical key. */
public final class Topics {

    public static final String PERSONA_REQUESTED = "persona.requested";
    public static final String IMAGE_GENERATED = "persona.image.generated";
    public static final String IMAGE_STORED = "persona.image.stored";
    public static final String MOTTO_GENERATED = "persona.motto.generated";
    public static final String PERSONA_COMPLETED = "persona.completed";
    public static final String PERSONA_FAILED = "persona.failed";

    /** Suffix of the dead-letter topic of each topic (Spring Kafka's default convention). */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final List<String> ALL = List.of(
            PERSONA_REQUESTED, IMAGE_GENERATED, IMAGE_STORED, MOTTO_GENERATED, PERSONA_COMPLETED, PERSONA_FAILED);

    private Topics() {
    }

    /** The topic an event is published to. */
    public static String of(PersonaEvent event) {
        if (event instanceof PersonaRequested) {
            return PERSONA_REQUESTED;
        } else if (event instanceof ImageGenerated) {
            return IMAGE_GENERATED;
        } else if (event instanceof ImageStored) {
            return IMAGE_STORED;
        } else if (event instanceof MottoGenerated) {
            return MOTTO_GENERATED;
        } else if (event instanceof PersonaCompleted) {
            return PERSONA_COMPLETED;
        } else if (event instanceof PersonaFailed) {
            return PERSONA_FAILED;
        }
        throw new IllegalArgumentException("no topic for " + event.eventType());
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
