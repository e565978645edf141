package com.personacomposer.persona.persona;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which way a vote on an image goes. */
enum VoteDirection {
    UP("upvotes"), DOWN("downvotes");

    private final String counter;

    VoteDirection(String counter) {
        this.counter = counter;
    }

    /** The field of the image counting votes this way. */
    String counter() {
        return counter;
    }

    /** As the API spells it: up, down. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<VoteDirection> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
    }
}
