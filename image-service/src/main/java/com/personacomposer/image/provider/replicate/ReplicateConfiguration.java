package com.personacomposer.image.provider.replicate;

import com.personacomposer.kit.provider.ProviderProperties;
import com.personacomposer.kit.provider.RetryAfter;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retries of Replicate's predictions API that honour its Retry-After. */
@Configuration(proxyBeanMethods = false)
class ReplicateConfiguration {

    @Bean
    RetryConfigCustomizer replicateRetryAfter(ProviderProperties providers) {
        return RetryAfter.honoured(ReplicateClient.INSTANCE, providers.maxRetryAfter());
    }
}
