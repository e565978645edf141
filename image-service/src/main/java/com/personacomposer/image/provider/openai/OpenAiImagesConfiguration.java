package com.personacomposer.image.provider.openai;

import com.personacomposer.kit.provider.ProviderProperties;
import com.personacomposer.kit.provider.RetryAfter;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retries of OpenAI's image API that honour its Retry-After. */
@Configuration(proxyBeanMethods = false)
class OpenAiImagesConfiguration {

    @Bean
    RetryConfigCustomizer openAiImagesRetryAfter(ProviderProperties providers) {
        return RetryAfter.honoured(OpenAiImagesClient.INSTANCE, providers.maxRetryAfter());
    }
}
