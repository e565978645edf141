package com.personacomposer.image.provider;

import com.personacomposer.events.ImageModel;
import com.personacomposer.kit.provider.ProviderException;
import java.util.function.BooleanSupplier;

/** One image model. */
public interface ImageProvider {

    ImageModel model();

    /** Who serves the model, as metrics name it: local, or the resilience4j instance of a paid provider. */
    String name();

    /** False when the provider lacks what it needs to run (its API key). */
    boolean configured();

    /** What an operator must do to make an unconfigured provider usable, such as "set OPENAI_API_KEY". */
    String requirement();

    /**
     * Generates one image. Blocks until the image exists or the provider gives up.
     *
     * @throws ProviderException when the provider refuses or fails, with a reason a person can read
     */
    GeneratedImage generate(ImagePrompt prompt);

    /**
     * Generates one image unless {@code canceled} says the request was canceled meanwhile: a provider whose work can
     * be stopped (a Replicate prediction) asks it while it waits, stops the work and throws
     * {@link GenerationCanceledException}; the others (one blocking call) let the call finish.
     */
    default GeneratedImage generate(ImagePrompt prompt, BooleanSupplier canceled) {
        return generate(prompt);
    }
}
