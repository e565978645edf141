package com.personacomposer.image.provider.remote;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/**
 * The pause before a retry: what the provider asked for in Retry-After (at most {@code cap}), else the configured
 * exponential backoff.
 */
public final class RetryAfterInterval implements IntervalBiFunction<Object> {

    private final IntervalBiFunction<Object> backoff;
    private final Duration cap;

    RetryAfterInterval(IntervalBiFunction<Object> backoff, Duration cap) {
        this.backoff = backoff;
        this.cap = cap;
    }

    /** Wraps the backoff already configured (resilience4j.retry in YAML) so a provider's Retry-After wins. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void honour(RetryConfig.Builder builder, Duration cap) {
        IntervalBiFunction<Object> configured = builder.build().getIntervalBiFunction();
        builder.intervalBiFunction(new RetryAfterInterval(configured, cap));
    }

    @Override
    public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof ProviderUnavailableException unavailable
                && unavailable.retryAfter().isPresent()) {
            Duration asked = unavailable.retryAfter().get();
            return (asked.compareTo(cap) > 0 ? cap : asked).toMillis();
        }
        return backoff.apply(attempt, outcome);
    }
}
