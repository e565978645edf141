package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** The image generators a request can ask for. */
public enum ImageModel {
    @JsonProperty("local") LOCAL("local", "Local renderer"),
    @JsonProperty("dall-e") DALL_E("dall-e", "DALL-E"),
    @JsonProperty("openjourney") OPENJOURNEY("openjourney", "OpenJourney");

    private final String id;
    private final String displayName;

    ImageModel(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ImageModel> fromId(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
    }
}
