package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON written by an earlier build and committed: today's code must still read it, so a breaking change to an event
 * fails the build instead of a consumer in production. Never regenerate these files to make this test pass.
 */
class CommittedSamplesTest {

    static Iterable<PersonaEvent> events() {
        return EventSamples.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void committedSampleStillDeserialises(PersonaEvent expected) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/" + expected.eventType() + ".v1.json")) {
            assertThat(in).as("committed sample of " + expected.eventType()).isNotNull();

            assertThat(EventCodec.fromJson(in.readAllBytes())).isEqualTo(expected);
        }
    }
}
