package com.personacomposer.image.provider.openai;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.ImageGenerationException;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.ImageProvider;
import com.personacomposer.image.provider.PromptBuilder;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** The dall-e model: OpenAI's Images API with the configured model (DALL-E 2 or 3, or gpt-image-1). */
@Component
class OpenAiImageProvider implements ImageProvider {

    private final OpenAiImageProperties properties;
    private final OpenAiImagesClient client;
    private final PromptBuilder prompts;
    private final OpenAiImageModel model;

    public OpenAiImageProvider(OpenAiImageProperties properties, OpenAiImagesClient client, PromptBuilder prompts) {
        this.properties = properties;
        this.client = client;
        this.prompts = prompts;
        this.model = properties.imageModel();
        int fixed = prompts.lengthWithoutDescription(ImagePrompt.MAX_NAME);
        if (fixed > model.promptLimit()) {
            throw new IllegalStateException("the image prompt template leaves no room within " + model.id()
                    + "'s limit of " + model.promptLimit() + " characters");
        }
    }

    @Override
    public ImageModel model() {
        return ImageModel.DALL_E;
    }

    @Override
    public String name() {
        return OpenAiImagesClient.INSTANCE;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String requirement() {
        return "set OPENAI_API_KEY";
    }

    @Override
    public GeneratedImage generate(ImagePrompt prompt) {
        OpenAiImagesClient.ImagesResponse image = client.generate(new OpenAiImagesClient.ImagesRequest(model.id(),
                prompts.build(prompt, model.promptLimit()), properties.size(), model.hostsImages() ? "url" : null));
        if (image.url() != null) {
            return GeneratedImage.Hosted.at(image.url(), image.revisedPrompt(), OpenAiImagesClient.PROVIDER);
        }
        if (image.b64Json() != null) {
            try {
                return new GeneratedImage.Inline(Base64.getDecoder().decode(image.b64Json()), image.revisedPrompt());
            } catch (IllegalArgumentException e) {
                throw new ImageGenerationException("DALL-E answered with an image that is not valid base64");
            }
        }
        throw new ImageGenerationException("DALL-E answered without an image");
    }
}
