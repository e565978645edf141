package com.personacomposer.image.generation;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.ImageProvider;
import java.util.function.Function;

/** An image provider whose availability and answer a test sets; it counts its calls. */
final class FakeProvider implements ImageProvider {

    private final ImageModel model;
    private final boolean configured;
    private final String requirement;
    Function<ImagePrompt, GeneratedImage> answer;
    int calls;

    FakeProvider() {
        this(ImageModel.DALL_E, true, "set OPENAI_API_KEY", null);
    }

    FakeProvider(ImageModel model, boolean configured, String requirement,
                 Function<ImagePrompt, GeneratedImage> answer) {
        this.model = model;
        this.configured = configured;
        this.requirement = requirement;
        this.answer = answer;
    }

    @Override
    public ImageModel model() {
        return model;
    }

    @Override
    public String name() {
        return model == ImageModel.LOCAL ? "local" : "openai-images";
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public String requirement() {
        return requirement;
    }

    @Override
    public GeneratedImage generate(ImagePrompt prompt) {
        calls++;
        return answer.apply(prompt);
    }
}
