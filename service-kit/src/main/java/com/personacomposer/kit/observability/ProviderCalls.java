package com.personacomposer.kit.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * How long each provider (image model or motto composer) takes and how its calls end ({@value #METER}, tagged
 * provider and outcome): the numbers behind "is the provider slow, refusing, or down?". Retries inside a call count
 * as part of it.
 */
public class ProviderCalls {

    public static final String METER = "persona.provider.calls";

    public enum Outcome {
        SUCCESS, REFUSED, FAILED,
        /** Stopped (or its result dropped) because the request was canceled meanwhile. */
        CANCELED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry meters;

    public ProviderCalls(MeterRegistry meters) {
        this.meters = meters;
    }

    public Timer.Sample start() {
        return Timer.start(meters);
    }

    /** Records the call; returns how long it took. */
    public Duration stop(Timer.Sample call, String provider, Outcome outcome) {
        return Duration.ofNanos(call.stop(Timer.builder(METER)
                .description("Calls to a provider, by provider and outcome")
                .tags("provider", provider, "outcome", outcome.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(3))
                .register(meters)));
    }
}
