package com.personacomposer.persona.requests;

import com.personacomposer.events.FailureStage;
import java.util.Locale;
import java.util.Optional;

/** The stages a request goes through, by the field names of {@code stages} in the requests collection. */
public enum Stage {
    IMAGE, STORAGE, MOTTO;

    String field() {
        return "stages." + name().toLowerCase(Locale.ROOT);
    }

    /** The stage a failure marks FAILED; a timeout belongs to no stage. */
    public static Optional<Stage> of(FailureStage failure) {
        return switch (failure) {
            case IMAGE -> Optional.of(IMAGE);
            case STORAGE -> Optional.of(STORAGE);
            case MOTTO -> Optional.of(MOTTO);
            case TIMEOUT -> Optional.empty();
        };
    }
}
