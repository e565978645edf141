package com.personacomposer.image.provider.replicate;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.GenerationCanceledException;
import com.personacomposer.image.provider.ImageGenerationException;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.ImageProvider;
import com.personacomposer.image.provider.PromptBuilder;
import com.personacomposer.kit.reason.Durations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The openjourney model: a Replicate prediction of prompthero/openjourney, followed until it finishes, our deadline
 * passes or the request is canceled (then the prediction is cancelled, so it stops costing).
 */
@Component
@RequiredArgsConstructor
class ReplicateImageProvider implements ImageProvider {

    private static final Logger log = LoggerFactory.getLogger(ReplicateImageProvider.class);
    static final int SIDE = 512;

    private final ReplicateProperties properties;
    private final ReplicateClient client;
    private final PromptBuilder prompts;

    @Override
    public ImageModel model() {
        return ImageModel.OPENJOURNEY;
    }

    @Override
    public String name() {
        return ReplicateClient.INSTANCE;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String requirement() {
        return "set REPLICATE_API_TOKEN";
    }

    @Override
    public GeneratedImage generate(ImagePrompt prompt) {
        return generate(prompt, () -> false);
    }

    @Override
    public GeneratedImage generate(ImagePrompt prompt, BooleanSupplier canceled) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", properties.promptPrefix() + prompts.build(prompt));
        input.put("width", SIDE);
        input.put("height", SIDE);
        input.put("num_outputs", 1);
        long deadline = System.nanoTime() + properties.deadline().toNanos();
        Prediction current = client.create(input);
        try {
            while (!current.finished()) {
                if (canceled.getAsBoolean()) {
                    throw new GenerationCanceledException("the request was canceled, so OpenJourney prediction "
                            + current.id() + " was cancelled");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ImageGenerationException("OpenJourney did not finish within "
                            + Durations.readable(properties.deadline()) + ", so the prediction was cancelled");
                }
                sleep(Math.min(left, properties.pollInterval().toNanos()));
                current = client.get(current.getUrl());
            }
        } catch (RuntimeException e) {
            cancel(current);
            throw e;
        }
        return outcome(current);
    }

    private static GeneratedImage outcome(Prediction prediction) {
        switch (prediction.status()) {
            case "succeeded" -> {
                if (prediction.output().isEmpty()) {
                    throw new ImageGenerationException("OpenJourney finished without an image");
                }
                return GeneratedImage.Hosted.at(prediction.output().get(0), null, ReplicateClient.PROVIDER);
            }
            case "failed" -> throw new ImageGenerationException("OpenJourney failed: "
                    + (prediction.error() != null ? prediction.error() : "no reason given"));
            default -> throw new ImageGenerationException("OpenJourney's prediction was " + prediction.status());
        }
    }

    /** Best effort: a prediction we no longer wait for should stop costing money. */
    private void cancel(Prediction prediction) {
        try {
            client.cancel(prediction.cancelUrl());
        } catch (RuntimeException e) {
            log.warn("could not cancel OpenJourney prediction {}: {}", prediction.id(), e.getMessage());
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenJourney", e);
        }
    }
}
