package com.personacomposer.storage.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Time and size of the two transfers of each image: the download from the image host ({@value #DOWNLOAD}) and the
 * upload to the bucket ({@value #UPLOAD}). Times are tagged with the outcome; sizes count the images that made it.
 */
@Component
@RequiredArgsConstructor
class TransferMetrics {

    static final String DOWNLOAD = "persona.storage.download";
    static final String UPLOAD = "persona.storage.upload";

    enum Outcome {
        SUCCESS, REFUSED, FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry meters;

    Timer.Sample start() {
        return Timer.start(meters);
    }

    /** @param bytes the image's size; counted only for a success */
    void downloaded(Timer.Sample download, Outcome outcome, long bytes) {
        record(DOWNLOAD, "Downloads of generated images from their host", download, outcome, bytes);
    }

    /** @param bytes the image's size; counted only for a success */
    void uploaded(Timer.Sample upload, Outcome outcome, long bytes) {
        record(UPLOAD, "Uploads of images to the bucket", upload, outcome, bytes);
    }

    private void record(String name, String description, Timer.Sample sample, Outcome outcome, long bytes) {
        sample.stop(Timer.builder(name)
                .description(description)
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters));
        if (outcome == Outcome.SUCCESS) {
            DistributionSummary.builder(name + ".size")
                    .description(description + ": bytes per image")
                    .baseUnit("bytes")
                    .register(meters)
                    .record(bytes);
        }
    }
}
