package com.personacomposer.image;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** PersonaRequested -> image provider -> ImageGenerated (or PersonaFailed). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImageServiceApplication {

    public static void main(String[] args) {
        // The local renderer draws with java.awt; a server has no display.
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(ImageServiceApplication.class, args);
    }
}
