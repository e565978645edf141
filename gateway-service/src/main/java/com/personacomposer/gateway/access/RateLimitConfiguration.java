package com.personacomposer.gateway.access;

import com.personacomposer.gateway.access.RateLimitFilter.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/** One token-bucket limit per {@link Scope}, each with its own rate and burst. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    WebFilter createRateLimitFilter(RateLimitProperties properties) {
        return filter(Scope.CREATES, properties.requestsPerMinute(), properties.burst(), properties);
    }

    @Bean
    WebFilter voteRateLimitFilter(RateLimitProperties properties) {
        return filter(Scope.VOTES, properties.votes().requestsPerMinute(), properties.votes().burst(), properties);
    }

    @Bean
    WebFilter cancelRateLimitFilter(RateLimitProperties properties) {
        return filter(Scope.CANCELS, properties.cancels().requestsPerMinute(), properties.cancels().burst(), properties);
    }

    private static WebFilter filter(Scope scope, int perMinute, int burst, RateLimitProperties properties) {
        if (perMinute == 0) {
            log.info("No rate limit on {} (its per-minute rate is 0)", scope.what());
            return (exchange, chain) -> chain.filter(exchange);
        }
        log.info("{} are limited to {} a minute per client, bursts of {} (counted by this instance)",
                scope.what(), perMinute, burst);
        return new RateLimitFilter(scope, new TokenBuckets(perMinute, burst, properties.maxClients(), System::nanoTime),
                properties.trustedProxyHops());
    }
}
