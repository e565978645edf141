package com.personacomposer.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build generates for a module's {@code @ConfigurationProperties} records
 * (spring-boot-configuration-processor): every {@code persona.*} property is there with a description, taken from
 * the record's Javadoc ({@code @param} tags), so IDEs can complete and explain it. Each module extends this with a
 * class of its own main code.
 */
public abstract class ConfigurationMetadataCheck {

    private final Class<?> moduleClass;

    /** {@code moduleClass}: any class of the module's main code (its classes directory holds the metadata). */
    protected ConfigurationMetadataCheck(Class<?> moduleClass) {
        this.moduleClass = moduleClass;
    }

    @Test
    public void everyPersonaPropertyHasADescription() throws IOException {
        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(metadataFile()));
        List<String> named = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("persona.")) {
                named.add(name);
                if (property.path("description").asString("").isBlank()) {
                    undescribed.add(name + " (" + property.path("sourceType").asString() + ")");
                }
            }
        }
        assertThat(named).as("persona.* properties in the metadata").isNotEmpty();
        assertThat(undescribed).as("properties without a description (add an @param to the record's Javadoc)")
                .isEmpty();
    }

    private Path metadataFile() {
        try {
            Path classes = Path.of(moduleClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolve("META-INF/spring-configuration-metadata.json");
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("no classes directory for " + moduleClass, e));
        }
    }
}
