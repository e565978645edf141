package com.personacomposer.storage.download;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DownloadConfiguration {

    @Bean
    DownloadGuard downloadGuard(DownloadProperties properties) {
        return new DownloadGuard(properties);
    }
}
