package com.personacomposer.webhook.sender;

import com.personacomposer.kit.address.AddressGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SenderConfiguration {

    /** The JVM's resolver: the guard resolves each target once and the connection is pinned to what it checked. */
    @Bean
    AddressGuard.HostResolver hostResolver() {
        return AddressGuard.SYSTEM_RESOLVER;
    }
}
