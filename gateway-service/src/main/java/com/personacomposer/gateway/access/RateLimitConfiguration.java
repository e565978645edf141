package com.personacomposer.gateway.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    WebFilter rateLimitFilter(RateLimitProperties properties) {
        if (properties.requestsPerMinute() == 0) {
            log.info("No rate limit on POST /api/personas (PERSONA_RATE_LIMIT_PER_MINUTE=0)");
            return (exchange, chain) -> chain.filter(exchange);
        }
        log.info("POST /api/personas is limited to {} a minute per client, bursts of {} (counted by this instance)",
                properties.requestsPerMinute(), properties.burst());
        return new RateLimitFilter(new TokenBuckets(properties.requestsPerMinute(), properties.burst(),
                properties.maxClients(), System::nanoTime), properties.trustedProxyHops());
    }
}
