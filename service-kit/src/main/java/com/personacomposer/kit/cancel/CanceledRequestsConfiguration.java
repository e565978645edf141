package com.personacomposer.kit.cancel;

import com.personacomposer.kit.request.RequestDeadlineProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * {@link CanceledRequests} and the listener that fills it, for the stages that skip canceled work: a stage imports
 * this on its application class (the messaging contract test follows that import to the listener).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestDeadlineProperties.class)
@Import(CanceledRequestsListener.class)
public class CanceledRequestsConfiguration {

    static final String CONTAINER_FACTORY = "canceledRequestsContainerFactory";

    @Bean
    CanceledRequests canceledRequests(RequestDeadlineProperties deadline, ObjectProvider<Clock> clock) {
        return new CanceledRequests(deadline.deadline(), clock.getIfUnique(Clock::systemUTC));
    }

    /**
     * Not the pipeline's factory: a record this instance cannot read is logged and skipped rather than retried and
     * dead-lettered once per instance, and the offsets of a group that is never joined again need not be committed
     * record by record.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> canceledRequestsContainerFactory(
            ConsumerFactory<Object, Object> consumerFactory) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(1);
        factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }
}
