package com.personacomposer.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code service-defaults.yml} (Kafka serdes and delivery settings, actuator exposure, meter tags) with the
 * lowest precedence, so every service shares one set of defaults and any service or environment can override them.
 * For each active profile, {@code service-defaults-<profile>.yml} (where present) goes just above it.
 */
public class ServiceDefaultsPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        load(new ClassPathResource(RESOURCE)).forEach(environment.getPropertySources()::addLast);
        // Later profiles win, so they are inserted last, each right above the base defaults.
        List<String> profiles = new ArrayList<>(List.of(environment.getActiveProfiles()));
        Collections.reverse(profiles);
        for (String profile : profiles) {
            ClassPathResource resource = new ClassPathResource("service-defaults-" + profile + ".yml");
            if (resource.exists()) {
                load(resource).forEach(source -> environment.getPropertySources().addBefore(RESOURCE, source));
            }
        }
    }

    private static List<PropertySource<?>> load(ClassPathResource resource) {
        try {
            return new YamlPropertySourceLoader().load(resource.getFilename(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getFilename(), e);
        }
    }
}
