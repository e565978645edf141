package com.personacomposer.kit.request;

import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.kafka.PipelineKafkaAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The request deadline for the stages that handle PersonaRequested (the service's Clock if it has one). */
@AutoConfiguration(after = PipelineKafkaAutoConfiguration.class)
@ConditionalOnBean(EventPublisher.class)
@EnableConfigurationProperties(RequestDeadlineProperties.class)
public class RequestDeadlineAutoConfiguration {

    @Bean
    RequestDeadline requestDeadline(RequestDeadlineProperties properties, ObjectProvider<Clock> clock,
                                    EventPublisher publisher) {
        return new RequestDeadline(properties, clock.getIfUnique(Clock::systemUTC), publisher);
    }
}
