package com.personacomposer.persona;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assembles the generated parts of each request into personas and serves them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PersonaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PersonaServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
