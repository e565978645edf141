package com.personacomposer.kit.reason;

import java.time.Duration;

/** How a duration reads in a reason shown to people: in its largest whole unit, as 2 h, 5 min, 90 s or 1500 ms. */
public final class Durations {

    private Durations() {
    }

    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        return millis + " ms";
    }
}
