package com.personacomposer.persona.requests;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
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
public class RequestMetrics {

    public static final String ACCEPTED = "persona.requests.accepted";
    public static final String COMPLETED = "persona.requests.completed";
    public static final String FAILED = "persona.requests.failed";
    public static final String CANCELED = "persona.requests.canceled";
    public static final String DURATION = "persona.generation.duration";

    /** For a failure whose request details never arrived (its parts or its failure came first). */
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry meters;

    public RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Every counter exists from the start at zero: Prometheus' rate() cannot see the first increments of a
        // series that appears with them, so a first burst of requests or failures would be missing on the dashboard.
        for (ImageModel model : ImageModel.values()) {
            for (MottoTone tone : MottoTone.values()) {
                accepted(model.id(), tone.id());
                completed(model.id(), tone.id());
                canceled(model.id(), tone.id());
                for (FailureStage stage : FailureStage.values()) {
                    failed(model.id(), tone.id(), stage.id());
                }
            }
        }
    }

    public void accepted(RequestDetails details) {
        accepted(details.model().id(), details.mottoTone().id()).increment();
    }

    /** @param took from the request's creation to its completion */
    public void completed(RequestDetails details, Duration took) {
        String model = details.model().id();
        String tone = details.mottoTone().id();
        completed(model, tone).increment();
        Timer.builder(DURATION)
                .description("End-to-end time of a request, from being recorded to being completed")
                .tags("model", model, "tone", tone)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    public void canceled(RequestDetails details) {
        canceled(details.model().id(), details.mottoTone().id()).increment();
    }

    /**
     * @param details null when the request details never arrived
     * @param stage   image, storage, motto or timeout
     */
    public void failed(RequestDetails details, String stage) {
        failed(details == null ? UNKNOWN : details.model().id(), details == null ? UNKNOWN : details.mottoTone().id(),
                stage).increment();
    }

    private Counter accepted(String model, String tone) {
        return Counter.builder(ACCEPTED).description("Requests recorded as PENDING")
                .tags("model", model, "tone", tone).register(meters);
    }

    private Counter completed(String model, String tone) {
        return Counter.builder(COMPLETED).description("Requests completed: an image appended to its persona")
                .tags("model", model, "tone", tone).register(meters);
    }

    private Counter canceled(String model, String tone) {
        return Counter.builder(CANCELED).description("Requests canceled before they finished")
                .tags("model", model, "tone", tone).register(meters);
    }

    private Counter failed(String model, String tone, String stage) {
        return Counter.builder(FAILED).description("Requests failed, by the stage that gave up")
                .tags("model", model, "tone", tone, "stage", stage).register(meters);
    }
}
