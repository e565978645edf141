package com.personacomposer.kit.cancel;

import com.personacomposer.kit.request.RequestDeadlineProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@link CanceledRequests} and the listener that fills it, for the stages that skip canceled work: a stage imports
 * this on its application class (the messaging contract test follows that import to the listener).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestDeadlineProperties.class)
@Import(CanceledRequestsListener.class)
public class CanceledRequestsConfiguration {

    @Bean
    CanceledRequests canceledRequests(RequestDeadlineProperties deadline, ObjectProvider<Clock> clock) {
        return new CanceledRequests(deadline.deadline(), clock.getIfUnique(Clock::systemUTC));
    }
}
