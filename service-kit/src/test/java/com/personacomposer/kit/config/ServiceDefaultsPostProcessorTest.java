package com.personacomposer.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsPostProcessorTest {

    private final ServiceDefaultsPostProcessor postProcessor = new ServiceDefaultsPostProcessor();

    @Test
    void sharedDefaultsApplyButAnythingTheServiceSetsWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.application.name", "motto-service", "persona.kafka.partitions", "12")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("motto-service");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("persona.kafka.partitions")).isEqualTo("12");
        assertThat(environment.getProperty("spring.kafka.security.protocol")).isNull();
    }

    @Test
    void awsProfileSwitchesKafkaToMskIamAuthentication() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("aws");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("AWS_MSK_IAM");
        assertThat(environment.getProperty("persona.kafka.replication-factor")).isEqualTo("3");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).as("base defaults still apply").isEqualTo("all");
    }
}
