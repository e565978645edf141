package com.personacomposer.motto;

import com.personacomposer.kit.provider.ProviderClients;
import com.personacomposer.motto.compose.BenchProperties;
import com.personacomposer.motto.compose.LocalMottoComposer;
import com.personacomposer.motto.compose.MottoComposer;
import com.personacomposer.motto.openai.OpenAiChatMottoComposer;
import com.personacomposer.motto.openai.OpenAiChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The motto composer: the OpenAI-compatible chat model when OPENAI_API_KEY is set, else the offline composer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BenchProperties.class)
class MottoComposerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MottoComposerConfiguration.class);

    @Bean
    MottoComposer mottoComposer(OpenAiChatProperties openAi, BenchProperties bench, ProviderClients clients) {
        if (!openAi.enabled()) {
            log.info("mottos are written by the offline composer (OPENAI_API_KEY is not set)");
            return new LocalMottoComposer(bench.mottoLatency());
        }
        log.info("mottos are written by chat model {} at {}", openAi.model(), openAi.baseUrl());
        return OpenAiChatMottoComposer.of(openAi, clients);
    }
}
