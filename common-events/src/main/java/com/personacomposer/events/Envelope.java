package com.personacomposer.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Checks and defaults shared by every event's envelope. */
final class Envelope {

    private Envelope() {
    }

    static void check(UUID eventId, Instant occurredAt, UUID requestId, String personaKey) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(personaKey, "personaKey");
    }

    /** Milliseconds are plenty, and keep the wire format stable across JVMs with finer clocks. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
