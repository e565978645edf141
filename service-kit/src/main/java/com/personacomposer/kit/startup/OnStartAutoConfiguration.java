package com.personacomposer.kit.startup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class OnStartAutoConfiguration {

    @Bean
    OnStartRunner onStartRunner(ObjectProvider<OnStart> work) {
        return new OnStartRunner(work.orderedStream().toList());
    }
}
