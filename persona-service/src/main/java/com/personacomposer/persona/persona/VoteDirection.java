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

    /** The field of the image the vote increments. */
    String counter() {
        return counter;
    }

    static Optional<VoteDirection> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.name().toLowerCase(Locale.ROOT).equals(id)).findFirst();
    }
}
