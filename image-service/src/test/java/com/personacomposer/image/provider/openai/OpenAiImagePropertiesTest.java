package com.personacomposer.image.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/** A model and size that do not go together stop the service at startup, with a message that says why. */
class OpenAiImagePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class)
            .withPropertyValues("persona.image.openai.base-url=https://api.openai.com/v1",
                    "persona.image.openai.timeout=90s");

    @Test
    void aSizeTheModelDoesNotSupportFailsStartup() {
        assertThat(startupFailure("dall-e-3", "512x512"))
                .isEqualTo("OPENAI_IMAGE_SIZE '512x512' is not a size dall-e-3 supports; "
                        + "use one of 1024x1024, 1792x1024, 1024x1792");
    }

    @Test
    void anUnknownModelFailsStartup() {
        assertThat(startupFailure("dall-e-4", "1024x1024"))
                .contains("OPENAI_IMAGE_MODEL 'dall-e-4' is not supported; use one of dall-e-2, dall-e-3, gpt-image-1");
    }

    @Test
    void eachModelAcceptsItsOwnSizes() {
        assertThat(startupFailure("gpt-image-1", "1536x1024")).isNull();
        assertThat(startupFailure("dall-e-2", "256x256")).isNull();
    }

    @Test
    void theKeyNeverShowsInItsTextForm() {
        runner.withPropertyValues("persona.image.openai.model=dall-e-3", "persona.image.openai.size=1024x1024",
                        "persona.image.openai.api-key=sk-live-very-secret")
                .run(context -> assertThat(context.getBean(OpenAiImageProperties.class).toString())
                        .doesNotContain("sk-live-very-secret").contains("apiKey=(set)"));
    }

    /** Why the service with this model and size does not start; null when it starts. */
    private String startupFailure(String model, String size) {
        AtomicReference<String> failure = new AtomicReference<>();
        runner.withPropertyValues("persona.image.openai.model=" + model, "persona.image.openai.size=" + size)
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        failure.set(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()).getMessage());
                    }
                });
        return failure.get();
    }

    @Configuration
    @EnableConfigurationProperties(OpenAiImageProperties.class)
    static class Bound {
    }
}
