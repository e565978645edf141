package com.personacomposer.kit.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsAsAPersonWouldWriteIt() {
        assertThat(Durations.readable(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Durations.readable(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(Durations.readable(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(Durations.readable(Duration.ofMinutes(130).plusSeconds(9))).isEqualTo("2 h 10 min 9 s");
        assertThat(Durations.readable(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Durations.readable(Duration.ZERO)).isEqualTo("0 s");
    }

    @Test
    void keepsMillisecondsBelowAMinuteOnly() {
        assertThat(Durations.readable(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(Durations.readable(Duration.ofMillis(400))).isEqualTo("400 ms");
        assertThat(Durations.readable(Duration.ofSeconds(363, 400_000_000))).isEqualTo("6 min 3 s");
    }
}
