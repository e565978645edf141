package com.personacomposer.image;

import com.personacomposer.kit.cancel.CanceledRequestsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** PersonaRequested -> image provider -> ImageGenerated (or PersonaFailed, or ImageSkipped once canceled). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CanceledRequestsConfiguration.class)
public class ImageServiceApplication {

    public static void main(String[] args) {
        // The local renderer draws with java.awt; a server has no display.
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(ImageServiceApplication.class, args);
    }
}
