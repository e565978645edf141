package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** The attitude a motto is written in. */
public enum MottoTone {
    @JsonProperty("neutral") NEUTRAL,
    @JsonProperty("sarcastic") SARCASTIC,
    @JsonProperty("comical") COMICAL,
    @JsonProperty("sombre") SOMBRE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<MottoTone> fromId(String id) {
        return Arrays.stream(values()).filter(tone -> tone.id().equals(id)).findFirst();
    }
}
