package com.personacomposer.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yml binds as intended, including values Spring itself could mangle. */
class ConfigurationTest {

    @Test
    void thePromptTemplateIsTheOriginalWithItsPlaceholdersIntact() throws IOException {
        ImageProperties properties = bind(Map.of());

        assertThat(properties.promptTemplate()).isEqualTo("Photorealistic social media profile photo of a person "
                + "called ${name} with the attributes ${description} - Sigma 24mm f/8 — wider angle, smaller focal length");
    }

    @Test
    void defaultsFollowTheDesign() throws IOException {
        ImageProperties properties = bind(Map.of());

        assertThat(properties.publicUrl()).hasToString("http://localhost:8082");
        assertThat(properties.defaultModel()).isEqualTo(ImageModel.LOCAL);
        assertThat(properties.generated().ttl()).hasMinutes(10);
        assertThat(properties.generatedUrl("abc")).isEqualTo("http://localhost:8082/generated/abc");
    }

    @Test
    void theEnvironmentChoosesTheDefaultModelAndPublicUrl() throws IOException {
        ImageProperties properties = bind(Map.of("PERSONA_DEFAULT_MODEL", "dall-e",
                "IMAGE_SERVICE_URL", "http://image-service:8082/"));

        assertThat(properties.defaultModel()).isEqualTo(ImageModel.DALL_E);
        assertThat(properties.generatedUrl("abc")).isEqualTo("http://image-service:8082/generated/abc");
    }

    private static ImageProperties bind(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        // Only what the test says: the machine's own environment must not leak in.
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test-env", environment));
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        yaml.forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("persona.image", ImageProperties.class).get();
    }
}
