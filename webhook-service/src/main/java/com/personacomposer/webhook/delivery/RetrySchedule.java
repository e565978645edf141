package com.personacomposer.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is attempted again: after the n-th failed attempt, the n-th delay of
 * PERSONA_WEBHOOK_RETRY_DELAYS moved by up to {@code jitter} of itself either way; after the last, never.
 */
final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final RandomGenerator random;

    RetrySchedule(List<Duration> delays, double jitter, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.random = random;
    }

    /** When attempt {@code failedAttempts + 1} is due, or empty when the attempts are used up. */
    Optional<Instant> next(int failedAttempts, Instant now) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        long millis = delays.get(failedAttempts - 1).toMillis();
        double factor = jitter == 0 ? 1 : 1 + (random.nextDouble() * 2 - 1) * jitter;
        return Optional.of(now.plusMillis(Math.max(1, Math.round(millis * factor))));
    }

    /** How many attempts a delivery gets at most. */
    int maxAttempts() {
        return delays.size() + 1;
    }

    /** The sum of the delays: about how long a delivery is retried. */
    Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
