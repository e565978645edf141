package com.personacomposer.kit.observability;

import com.personacomposer.kit.s3.S3AutoConfiguration;
import com.personacomposer.kit.s3.S3Properties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import software.amazon.awssdk.services.s3.S3Client;

/** Health contributors and log context shared by every service (groups are set in service-defaults.yml). */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, S3AutoConfiguration.class})
public class ObservabilityAutoConfiguration {

    @Bean
    ProviderCalls providerCalls(MeterRegistry meters) {
        return new ProviderCalls(meters);
    }

    @Bean
    RequestIdLogging requestIdLogging() {
        return new RequestIdLogging();
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3Client.class)
    static class S3Health {

        @Bean(name = "s3HealthIndicator")
        @ConditionalOnBean(S3Client.class)
        S3HealthIndicator s3HealthIndicator(S3Client s3, S3Properties properties) {
            return new S3HealthIndicator(s3, properties);
        }
    }
}
