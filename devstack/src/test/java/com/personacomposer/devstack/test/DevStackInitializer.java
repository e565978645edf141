package com.personacomposer.devstack.test;

import com.personacomposer.devstack.Infrastructure;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared infrastructure, using the same names a deployed service reads from its
 * environment, so the services' own configuration is exercised unchanged.
 */
public class DevStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infra = DevStack.shared();
        Map<String, Object> properties = new HashMap<>(infra.serviceEnvironment());
        properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("devstack", properties));
    }
}
