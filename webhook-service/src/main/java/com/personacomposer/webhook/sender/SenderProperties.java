package com.personacomposer.webhook.sender;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries reach receivers (persona.webhook.sender.*).
 *
 * @param allowLocal     PERSONA_WEBHOOK_ALLOW_LOCAL: http and loopback targets are allowed too (local runs); private,
 *                       link-local and metadata addresses stay refused
 * @param connectTimeout how long opening a connection to a receiver may take
 * @param timeout        how long a whole attempt may take, connection included; a receiver slower than this counts as
 *                       a failed attempt
 */
@Validated
@ConfigurationProperties("persona.webhook.sender")
record SenderProperties(boolean allowLocal, @NotNull Duration connectTimeout, @NotNull Duration timeout) {
}
