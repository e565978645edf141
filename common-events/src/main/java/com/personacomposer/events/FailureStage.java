package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a request gave up. */
public enum FailureStage {
    @JsonProperty("image") IMAGE,
    @JsonProperty("storage") STORAGE,
    @JsonProperty("motto") MOTTO,
    @JsonProperty("timeout") TIMEOUT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
