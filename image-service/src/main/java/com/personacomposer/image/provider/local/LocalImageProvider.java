package com.personacomposer.image.provider.local;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.ImageProvider;
import org.springframework.stereotype.Component;

/** The offline model: always available, free, instant. */
@Component
class LocalImageProvider implements ImageProvider {

    private final LocalRenderer renderer = new LocalRenderer();

    @Override
    public ImageModel model() {
        return ImageModel.LOCAL;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String requirement() {
        return "nothing";
    }

    @Override
    public GeneratedImage generate(ImagePrompt prompt) {
        return new GeneratedImage.Inline(renderer.render(prompt), null);
    }
}
