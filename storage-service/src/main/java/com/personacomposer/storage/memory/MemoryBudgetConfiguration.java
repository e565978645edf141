package com.personacomposer.storage.memory;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemoryBudgetConfiguration {

    @Bean
    MemoryBudget memoryBudget(MemoryBudgetProperties properties, MeterRegistry meters) {
        return new MemoryBudget(properties.maxBytesInFlight().toBytes(), meters);
    }
}
