package com.personacomposer.gateway.request;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}, possibly among others, such as
 * {@code Prefer: respond-async, wait=10}). Preferences are hints: a malformed one is ignored, not an error.
 */
final class WaitPreference {

    private WaitPreference() {
    }

    /** How long to wait: the preferred seconds clamped to {@code max}; empty when no (positive) wait was asked for. */
    static Optional<Duration> from(List<String> preferHeaders, Duration max) {
        for (String header : preferHeaders) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0].trim();
                int equals = token.indexOf('=');
                if (equals < 0 || !token.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                Optional<Duration> wait = seconds(unquote(token.substring(equals + 1).trim()))
                        .map(seconds -> seconds.compareTo(max) > 0 ? max : seconds);
                if (wait.isPresent()) {
                    return wait.filter(seconds -> !seconds.isZero());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> seconds(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        // More digits than any sane wait just means "very long"; the caller clamps it.
        return Optional.of(Duration.ofSeconds(value.length() > 9 ? Integer.MAX_VALUE : Long.parseLong(value)));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
