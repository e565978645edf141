package com.personacomposer.storage.thumbnail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThumbnailConfiguration {

    @Bean
    Thumbnailer thumbnailer(ThumbnailProperties properties) {
        return new Thumbnailer(properties.maxPixels());
    }
}
