package com.personacomposer.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitPreferenceTest {

    private static final Duration MAX = Duration.ofSeconds(60);

    @ParameterizedTest(name = "Prefer: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "wait=10                   | 10",
            "WAIT=10                   | 10",
            "wait=60                   | 60",
            "wait=61                   | 60",
            "wait=99999999999999999999 | 60",
            "respond-async, wait=5     | 5",
            "wait=\"7\"                | 7",
            "wait=3; foo=bar           | 3",
            "handling=lenient,wait=2   | 2",
            "wait=0                    | none",
            "wait=-1                   | none",
            "wait=1.5                  | none",
            "wait=                     | none",
            "wait                      | none",
            "respond-async             | none",
            "waiting=10                | none"})
    void readsTheWaitPreference(String header, Long seconds) {
        assertThat(WaitPreference.from(List.of(header), MAX))
                .isEqualTo(Optional.ofNullable(seconds).map(Duration::ofSeconds));
    }
}
