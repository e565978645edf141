package com.personacomposer.image.provider.openai;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The OpenAI image models image-service knows the rules of (sizes, prompt limits, response format). */
enum OpenAiImageModel {
    DALL_E_2("dall-e-2", 1000, true, List.of("256x256", "512x512", "1024x1024")),
    DALL_E_3("dall-e-3", 4000, true, List.of("1024x1024", "1792x1024", "1024x1792")),
    GPT_IMAGE_1("gpt-image-1", 32000, false, List.of("1024x1024", "1536x1024", "1024x1536", "auto"));

    private final String id;
    private final int promptLimit;
    private final boolean hostsImages;
    private final List<String> sizes;

    OpenAiImageModel(String id, int promptLimit, boolean hostsImages, List<String> sizes) {
        this.id = id;
        this.promptLimit = promptLimit;
        this.hostsImages = hostsImages;
        this.sizes = sizes;
    }

    String id() {
        return id;
    }

    /** The longest prompt the model accepts, in characters. */
    int promptLimit() {
        return promptLimit;
    }

    /**
     * True when the model can answer with a URL (response_format=url); gpt-image-1 rejects the parameter and always
     * answers with base64.
     */
    boolean hostsImages() {
        return hostsImages;
    }

    List<String> sizes() {
        return sizes;
    }

    static Optional<OpenAiImageModel> fromId(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
    }
}
