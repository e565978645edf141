package com.personacomposer.image;

import com.personacomposer.image.provider.PromptBuilder;
import com.personacomposer.image.provider.openai.OpenAiImagesClient;
import com.personacomposer.image.provider.remote.RemoteProviderProperties;
import com.personacomposer.image.provider.remote.RetryAfterInterval;
import com.personacomposer.image.provider.replicate.ReplicateClient;
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
    RetryConfigCustomizer openAiRetryAfter(RemoteProviderProperties properties) {
        return RetryConfigCustomizer.of(OpenAiImagesClient.RESILIENCE,
                builder -> RetryAfterInterval.honour(builder, properties.maxRetryAfter()));
    }

    @Bean
    RetryConfigCustomizer replicateRetryAfter(RemoteProviderProperties properties) {
        return RetryConfigCustomizer.of(ReplicateClient.RESILIENCE,
                builder -> RetryAfterInterval.honour(builder, properties.maxRetryAfter()));
    }
}
