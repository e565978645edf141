package com.personacomposer.kit.provider;

import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * The wait a provider asks for (OpenAI's retry-after-ms, or the standard Retry-After in seconds or as an HTTP
 * date), and the one rule for honouring it: the pause before a retry is the longer of the configured backoff and
 * the provider's Retry-After, the latter capped so a listener never sleeps for minutes.
 */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d+)?");

    private RetryAfter() {
    }

    public static Optional<Duration> of(HttpHeaders headers, Clock clock) {
        String millis = headers.getFirst("retry-after-ms");
        if (millis != null) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(millis.trim())))));
            } catch (NumberFormatException e) {
                // Fall back to Retry-After.
            }
        }
        String value = headers.getFirst("retry-after");
        return value == null ? Optional.empty() : parse(value.trim(), clock);
    }

    /** The resilience4j retry instance {@code instance} with its YAML backoff, lengthened to Retry-After. */
    public static RetryConfigCustomizer honoured(String instance, Duration cap) {
        return RetryConfigCustomizer.of(instance, builder -> {
            IntervalBiFunction<Object> backoff = builder.build().getIntervalBiFunction();
            builder.intervalBiFunction(interval(backoff, cap));
        });
    }

    static IntervalBiFunction<Object> interval(IntervalBiFunction<Object> backoff, Duration cap) {
        return (Integer attempt, Either<Throwable, Object> outcome) -> {
            long wait = backoff.apply(attempt, outcome);
            if (outcome.isLeft() && outcome.getLeft() instanceof ProviderUnavailableException unavailable
                    && unavailable.retryAfter().isPresent()) {
                long asked = unavailable.retryAfter().get().toMillis();
                wait = Math.max(wait, Math.min(asked, cap.toMillis()));
            }
            return wait;
        };
    }

    private static Optional<Duration> parse(String value, Clock clock) {
        if (SECONDS.matcher(value).matches()) {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
