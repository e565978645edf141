package com.personacomposer.persona.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator asks of the pipeline as a whole: how many requests come in, finish and fail (by model, tone and
 * the stage that failed), and how long a request takes from being recorded to being completed. Tags are the small
 * fixed sets of models, tones and stages only; never a request id or a name.
 */
@Component
class RequestMetrics {

    static final String ACCEPTED = "persona.requests.accepted";
    static final String COMPLETED = "persona.requests.completed";
    static final String FAILED = "persona.requests.failed";
    static final String DURATION = "persona.generation.duration";

    /** For a failure whose request details never arrived (its parts or its failure came first). */
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry meters;

    RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void accepted(RequestDetails details) {
        Counter.builder(ACCEPTED)
                .description("Requests recorded as PENDING")
                .tags("model", details.model().id(), "tone", details.mottoTone().id())
                .register(meters)
                .increment();
    }

    /** @param took from the request's creation to its completion */
    void completed(RequestDetails details, Duration took) {
        String model = details.model().id();
        String tone = details.mottoTone().id();
        Counter.builder(COMPLETED)
                .description("Requests completed: an image appended to its persona")
                .tags("model", model, "tone", tone)
                .register(meters)
                .increment();
        Timer.builder(DURATION)
                .description("End-to-end time of a request, from being recorded to being completed")
                .tags("model", model, "tone", tone)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    /**
     * @param details null when the request details never arrived
     * @param stage   image, storage, motto or timeout
     */
    void failed(RequestDetails details, String stage) {
        Counter.builder(FAILED)
                .description("Requests failed, by the stage that gave up")
                .tags("model", details == null ? UNKNOWN : details.model().id(),
                        "tone", details == null ? UNKNOWN : details.mottoTone().id(),
                        "stage", stage)
                .register(meters)
                .increment();
    }
}
