package com.personacomposer.kit.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsInTheLargestWholeUnit() {
        assertThat(Durations.readable(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Durations.readable(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(Durations.readable(Duration.ofMinutes(90))).isEqualTo("90 min");
        assertThat(Durations.readable(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(Durations.readable(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(Durations.readable(Duration.ZERO)).isEqualTo("0 s");
    }
}
