package com.personacomposer.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ImageGenerated -> guarded download -> S3 -> ImageStored. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StorageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorageServiceApplication.class, args);
    }
}
