package com.personacomposer.kit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsDatesAndOpenAisMilliseconds() {
        assertThat(RetryAfter.of(headers("retry-after", "7"), CLOCK)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.of(headers("Retry-After", "Wed, 01 Jan 2025 00:00:30 GMT"), CLOCK))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.of(headers("retry-after-ms", "1500.4"), CLOCK)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.of(headers("retry-after", "soon"), CLOCK)).isEmpty();
        assertThat(RetryAfter.of(new HttpHeaders(), CLOCK)).isEmpty();
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.of(headers("retry-after", "Tue, 31 Dec 2024 23:00:00 GMT"), CLOCK))
                .contains(Duration.ZERO);
    }

    @Test
    void theIntervalHonoursRetryAfterUpToTheCapAndOtherwiseBacksOff() {
        IntervalBiFunction<Object> backoff = (attempt, outcome) -> 100L * attempt;
        IntervalBiFunction<Object> interval = RetryAfter.interval(backoff, Duration.ofSeconds(30));

        assertThat(interval.apply(1, Either.left(new ProviderUnavailableException("slow down", Duration.ofSeconds(5)))))
                .isEqualTo(5000L);
        assertThat(interval.apply(1, Either.left(new ProviderUnavailableException("slow down", Duration.ofHours(1)))))
                .isEqualTo(30_000L);
        assertThat(interval.apply(2, Either.left(new ProviderUnavailableException("down", (Duration) null))))
                .isEqualTo(200L);
    }

    @Test
    void neverWaitsLessThanTheBackoff() {
        IntervalBiFunction<Object> backoff = (attempt, outcome) -> 2_000L;
        IntervalBiFunction<Object> interval = RetryAfter.interval(backoff, Duration.ofSeconds(30));

        assertThat(interval.apply(1, Either.left(new ProviderUnavailableException("slow down", Duration.ofMillis(10)))))
                .isEqualTo(2_000L);
    }

    @Test
    void readsFractionalSeconds() {
        assertThat(RetryAfter.of(headers("retry-after", "1.5"), CLOCK)).contains(Duration.ofMillis(1500));
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}
