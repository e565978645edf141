package com.personacomposer.image.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A model and size that do not go together stop the service at startup, with a message that says why. */
class OpenAiImagePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class)
            .withPropertyValues("persona.image.openai.base-url=https://api.openai.com/v1",
                    "persona.image.openai.timeout=90s");

    @Test
    void aSizeTheModelDoesNotSupportFailsStartup() {
        runner.withPropertyValues("persona.image.openai.model=dall-e-3", "persona.image.openai.size=512x512")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("OPENAI_IMAGE_SIZE '512x512' is not a size dall-e-3 supports; "
                                + "use one of 1024x1024, 1792x1024, 1024x1792"));
    }

    @Test
    void anUnknownModelFailsStartup() {
        runner.withPropertyValues("persona.image.openai.model=dall-e-4", "persona.image.openai.size=1024x1024")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("OPENAI_IMAGE_MODEL 'dall-e-4' is not supported; "
                                + "use one of dall-e-2, dall-e-3, gpt-image-1"));
    }

    @Test
    void eachModelAcceptsItsOwnSizes() {
        runner.withPropertyValues("persona.image.openai.model=gpt-image-1", "persona.image.openai.size=1536x1024")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("persona.image.openai.model=dall-e-2", "persona.image.openai.size=256x256")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theKeyNeverShowsInItsTextForm() {
        runner.withPropertyValues("persona.image.openai.model=dall-e-3", "persona.image.openai.size=1024x1024",
                        "persona.image.openai.api-key=sk-live-very-secret")
                .run(context -> assertThat(context.getBean(OpenAiImageProperties.class).toString())
                        .doesNotContain("sk-live-very-secret").contains("apiKey=(set)"));
    }

    @Configuration
    @EnableConfigurationProperties(OpenAiImageProperties.class)
    static class Bound {
    }
}
