package com.personacomposer.webhook.signing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The principals' signing secrets (persona.webhook.secrets.*).
 *
 * @param encryptionKey   PERSONA_WEBHOOK_ENCRYPTION_KEY: base64 of 32 random bytes, the AES-256 key the secrets are
 *                        stored under (from the environment only: Secrets Manager on AWS); never logged
 * @param rotationOverlap how long the secret a rotation replaced still signs deliveries, beside the new one
 */
@Validated
@ConfigurationProperties("persona.webhook.secrets")
record SecretProperties(
        @NotBlank(message = "must be set (PERSONA_WEBHOOK_ENCRYPTION_KEY: base64 of 32 random bytes)") String encryptionKey, @NotNull Duration rotationOverlap) {

    @Override
    public String toString() {
        return "SecretProperties[encryptionKey=<hidden>, rotationOverlap=" + rotationOverlap + "]";
    }
}
