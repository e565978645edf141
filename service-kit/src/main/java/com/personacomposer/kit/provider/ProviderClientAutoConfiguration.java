package com.personacomposer.kit.provider;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The provider-client kit, in the services that have RestClient and resilience4j on their classpath. */
@AutoConfiguration(afterName = {"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
            "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
            "io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration"})
@ConditionalOnClass(name = {"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
    "io.github.resilience4j.retry.RetryRegistry"})
@EnableConfigurationProperties(ProviderProperties.class)
public class ProviderClientAutoConfiguration {

    @Bean
    ProviderClients providerClients(RestClient.Builder builder, ObjectProvider<JsonMapper> json,
                                    ProviderProperties properties, RetryRegistry retries,
                                    CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
        return new ProviderClients(builder, json.getIfAvailable(() -> JsonMapper.builder().build()), properties,
                retries, circuitBreakers, bulkheads);
    }
}
