package com.personacomposer.motto.openai;

import com.personacomposer.motto.compose.LocalMottoComposer;
import com.personacomposer.motto.compose.MottoComposer;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The motto composer: the OpenAI-compatible chat model when OPENAI_API_KEY is set, else the offline composer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OpenAiChatProperties.class, LocalComposerProperties.class})
class MottoComposerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MottoComposerConfiguration.class);

    @Bean
    MottoComposer mottoComposer(OpenAiChatProperties openAi, LocalComposerProperties local, RetryRegistry retries,
                                CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
                                TimeLimiterRegistry timeLimiters) {
        if (!openAi.enabled()) {
            log.info("mottos are written by the offline composer (OPENAI_API_KEY is not set)");
            return new LocalMottoComposer(local.latency());
        }
        log.info("mottos are written by chat model {} at {}", openAi.model(), openAi.baseUrl());
        String name = OpenAiChatClient.INSTANCE;
        var client = new OpenAiChatClient(openAi, retries.retry(name), circuitBreakers.circuitBreaker(name),
                bulkheads.bulkhead(name), timeLimiters.timeLimiter(name));
        return new OpenAiChatMottoComposer(client, openAi);
    }

    /** The YAML's exponential backoff, but never shorter than the provider's Retry-After (up to a cap). */
    @Bean
    RetryConfigCustomizer openAiChatRetryAfter(OpenAiChatProperties openAi) {
        return RetryConfigCustomizer.of(OpenAiChatClient.INSTANCE, builder -> honourRetryAfter(builder,
                openAi.maxRetryAfter()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void honourRetryAfter(RetryConfig.Builder builder, Duration maxRetryAfter) {
        IntervalBiFunction<Object> backoff = builder.build().getIntervalBiFunction();
        IntervalBiFunction<Object> withRetryAfter = (attempt, outcome) -> {
            long wait = backoff.apply(attempt, outcome);
            if (outcome.isLeft() && outcome.getLeft() instanceof ChatProviderException failure
                    && failure.retryAfter() != null) {
                wait = Math.max(wait, Math.min(failure.retryAfter().toMillis(), maxRetryAfter.toMillis()));
            }
            return wait;
        };
        builder.intervalBiFunction(withRetryAfter);
    }
}
