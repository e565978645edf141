package com.personacomposer.image.provider.remote;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How image-service talks to paid providers.
 *
 * @param connectTimeout how long to wait for a connection to a provider
 * @param maxRetryAfter  the longest Retry-After a retry honours; a provider asking for more is retried after this
 */
@Validated
@ConfigurationProperties("persona.image.remote")
public record RemoteProviderProperties(@NotNull Duration connectTimeout, @NotNull Duration maxRetryAfter) {
}
