package com.personacomposer.kit.reason;

import java.time.Duration;
import java.util.StringJoiner;

/**
 * How a duration reads in a reason shown to people: 2 h, 5 min, 6 min 3 s, 2 h 10 min, 45 s; below a minute and not
 * whole seconds, 1500 ms. From a minute up, whole seconds are precise enough for a person.
 */
public final class Durations {

    private Durations() {
    }

    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000 && millis % 1_000 != 0) {
            return millis + " ms";
        }
        long seconds = duration.toSeconds();
        StringJoiner parts = new StringJoiner(" ");
        addPart(parts, seconds / 3_600, "h");
        addPart(parts, seconds % 3_600 / 60, "min");
        addPart(parts, seconds % 60, "s");
        return parts.length() == 0 ? "0 s" : parts.toString();
    }

    private static void addPart(StringJoiner parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit);
        }
    }
}
