package com.personacomposer.motto.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How long the motto composer takes and how its calls end ({@value #METER}, tagged provider and outcome, like the
 * image providers' calls): the numbers behind "is the chat model slow, refusing, or down?". Retries inside a call
 * count as part of it.
 */
@Component
class ProviderCalls {

    static final String METER = "persona.provider.calls";

    enum Outcome {
        SUCCESS, REFUSED, FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry meters;

    ProviderCalls(MeterRegistry meters) {
        this.meters = meters;
    }

    Timer.Sample start() {
        return Timer.start(meters);
    }

    /** Records the call; returns how long it took. */
    Duration stop(Timer.Sample call, String provider, Outcome outcome) {
        return Duration.ofNanos(call.stop(Timer.builder(METER)
                .description("Calls to a motto composer, by provider and outcome")
                .tags("provider", provider, "outcome", outcome.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(meters)));
    }
}
