package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    static Iterable<PersonaEvent> events() {
        return EventSamples.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventRoundTrips(PersonaEvent event) {
        assertThat(EventCodec.fromJson(EventCodec.toJson(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void theWireCarriesTypeIdAndVersionButNoClassName(PersonaEvent event) {
        String json = json(event);

        assertThat(json)
                .contains("\"eventType\":\"" + event.eventType() + "\"")
                .contains("\"schemaVersion\":1")
                .contains("\"occurredAt\":\"2026-11-26T08:15:30.123Z\"")
                .doesNotContain("com.personacomposer");
    }

    @Test
    void unknownTypeIsRejected() {
        readingFails("{\"eventType\":\"PersonaDeleted\",\"schemaVersion\":1}")
                .hasMessageContaining("unknown eventType: PersonaDeleted");
    }

    @Test
    void newerSchemaVersionIsRejectedRatherThanMisread() {
        String json = json(EventSamples.all().get(0)).replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        readingFails(json).hasMessageContaining("schemaVersion 2 is not supported");
    }

    @Test
    void missingRequiredFieldIsRejected() {
        String json = json(EventSamples.all().get(3)).replace("\"motto\":", "\"slogan\":");

        readingFails(json).hasMessageContaining("invalid MottoGenerated");
    }

    @Test
    void garbageIsRejected() {
        readingFails("{not json");
        readingFails("[1,2]");
    }

    @Test
    void fieldsAddedByALaterRevisionAreIgnored() {
        String json = json(EventSamples.all().get(4)).replace("{", "{\"traceHint\":\"x\",");

        assertThat(read(json)).isEqualTo(EventSamples.all().get(4));
    }

    /** Reading {@code json} fails with an InvalidEventException. */
    private static AbstractThrowableAssert<?, ? extends Throwable> readingFails(String json) {
        return assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidEventException.class);
    }

    private static PersonaEvent read(String json) {
        return EventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(PersonaEvent event) {
        return new String(EventCodec.toJson(event), StandardCharsets.UTF_8);
    }
}
