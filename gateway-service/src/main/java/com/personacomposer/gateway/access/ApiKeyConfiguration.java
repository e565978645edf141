package com.personacomposer.gateway.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API keys, read once from PERSONA_API_KEYS as the gateway starts: an entry that cannot be read stops it (read
 * here, not while binding, so that a failure report never shows the configured value).
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties) {
        return ApiKeys.of(properties.apiKeys());
    }
}
