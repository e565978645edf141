package com.personacomposer.motto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** PersonaRequested -> motto composer -> MottoGenerated. */
@SpringBootApplication
public class MottoServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MottoServiceApplication.class, args);
    }
}
