package com.personacomposer.storage;

import com.personacomposer.kit.cancel.CanceledRequestsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** ImageGenerated -> guarded download -> S3 -> ImageStored (nothing once the request is canceled). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CanceledRequestsConfiguration.class)
public class StorageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorageServiceApplication.class, args);
    }
}
