package com.personacomposer.persona.votes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which way a vote on an image goes. */
public enum VoteDirection {
    UP("upvotes"), DOWN("downvotes");

    private final String counter;

    VoteDirection(String counter) {
        this.counter = counter;
    }

    /** The field of the image counting votes this way. */
    public String counter() {
        return counter;
    }

    /** As the API spells it: up, down. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VoteDirection> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
    }
}
