package com.personacomposer.webhook.delivery;

import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    RetrySchedule retrySchedule(DeliveryProperties properties) {
        return new RetrySchedule(properties.retryDelays(), properties.jitter(), new Random());
    }
}
