package com.personacomposer.image;

import com.personacomposer.image.provider.PromptBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the paid providers share: the prompt. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    PromptBuilder promptBuilder(ImageProperties properties) {
        return new PromptBuilder(properties.promptTemplate());
    }
}
