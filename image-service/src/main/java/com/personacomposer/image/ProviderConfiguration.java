package com.personacomposer.image;

import com.personacomposer.image.provider.PromptBuilder;
import com.personacomposer.image.provider.openai.OpenAiImagesClient;
import com.personacomposer.image.provider.replicate.ReplicateClient;
import com.personacomposer.kit.provider.ProviderProperties;
import com.personacomposer.kit.provider.RetryAfter;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the paid providers share: the prompt, and retries that honour the providers' Retry-After. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    PromptBuilder promptBuilder(ImageProperties properties) {
        return new PromptBuilder(properties.promptTemplate());
    }

    @Bean
    RetryConfigCustomizer openAiRetryAfter(ProviderProperties properties) {
        return RetryAfter.honoured(OpenAiImagesClient.INSTANCE, properties.maxRetryAfter());
    }

    @Bean
    RetryConfigCustomizer replicateRetryAfter(ProviderProperties properties) {
        return RetryAfter.honoured(ReplicateClient.INSTANCE, properties.maxRetryAfter());
    }
}
