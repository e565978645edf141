package com.personacomposer.image.provider.remote;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The wait a provider asks for: OpenAI's retry-after-ms, or the standard Retry-After (seconds or an HTTP date). */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> of(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(millis.get().trim())))));
            } catch (NumberFormatException e) {
                // Fall back to Retry-After.
            }
        }
        return headers.firstValue("retry-after").flatMap(value -> parse(value.trim(), clock));
    }

    private static Optional<Duration> parse(String value, Clock clock) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
