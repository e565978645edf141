package com.personacomposer.motto;

import com.personacomposer.kit.cancel.CanceledRequestsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** PersonaRequested -> motto composer -> MottoGenerated (nothing once the request is canceled). */
@SpringBootApplication
@Import(CanceledRequestsConfiguration.class)
public class MottoServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MottoServiceApplication.class, args);
    }
}
