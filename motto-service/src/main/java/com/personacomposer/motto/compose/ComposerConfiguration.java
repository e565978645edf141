package com.personacomposer.motto.compose;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The motto composer of this service. */
@Configuration(proxyBeanMethods = false)
class ComposerConfiguration {

    @Bean
    MottoComposer mottoComposer() {
        return new LocalMottoComposer();
    }
}
