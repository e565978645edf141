package com.personacomposer.kit.provider;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service talks to paid providers (each provider's read timeout is its own setting).
 *
 * @param connectTimeout how long to wait for a connection to a provider
 * @param maxRetryAfter  the longest Retry-After a retry honours; a provider asking for more is retried after this
 */
@Validated
@ConfigurationProperties("persona.providers")
public record ProviderProperties(@NotNull Duration connectTimeout, @NotNull Duration maxRetryAfter) {
}
