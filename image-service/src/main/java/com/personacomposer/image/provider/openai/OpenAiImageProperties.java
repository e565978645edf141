package com.personacomposer.image.provider.openai;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI Images API as image-service uses it. The model and size are checked together at startup, so a size
 * the model would refuse fails the deployment instead of every request.
 *
 * @param apiKey  OPENAI_API_KEY; blank leaves the dall-e model unavailable
 * @param baseUrl OPENAI_BASE_URL
 * @param model   OPENAI_IMAGE_MODEL: dall-e-2, dall-e-3 or gpt-image-1
 * @param size    OPENAI_IMAGE_SIZE, one the model supports
 * @param timeout how long one call may take (DALL-E 3 takes 8-30 s; gpt-image-1 can take a minute)
 */
@Validated
@ConfigurationProperties("persona.image.openai")
record OpenAiImageProperties(String apiKey, @NotNull URI baseUrl, @NotNull String model, @NotNull String size,
                                    @NotNull Duration timeout) {

    public OpenAiImageProperties {
        OpenAiImageModel known = OpenAiImageModel.fromId(model).orElseThrow(() -> new IllegalArgumentException(
                "OPENAI_IMAGE_MODEL '" + model + "' is not supported; use one of " + Arrays.stream(OpenAiImageModel.values())
                        .map(OpenAiImageModel::id).collect(Collectors.joining(", "))));
        if (!known.sizes().contains(size)) {
            throw new IllegalArgumentException("OPENAI_IMAGE_SIZE '" + size + "' is not a size " + model
                    + " supports; use one of " + String.join(", ", known.sizes()));
        }
    }

    boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    OpenAiImageModel imageModel() {
        return OpenAiImageModel.fromId(model).orElseThrow();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "OpenAiImageProperties[apiKey=" + (configured() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl
                + ", model=" + model + ", size=" + size + ", timeout=" + timeout + "]";
    }
}
