package com.personacomposer.motto.openai;

import com.personacomposer.kit.provider.ProviderProperties;
import com.personacomposer.kit.provider.RetryAfter;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chat model's settings, and retries that honour its Retry-After. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiChatProperties.class)
class OpenAiChatConfiguration {

    @Bean
    RetryConfigCustomizer openAiChatRetryAfter(ProviderProperties providers) {
        return RetryAfter.honoured(OpenAiChatClient.INSTANCE, providers.maxRetryAfter());
    }
}
