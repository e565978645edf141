package com.personacomposer.webhook.status;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where a request's status is read (persona.webhook.status.*).
 *
 * @param personaServiceUri persona-service's base URL (PERSONA_SERVICE_URI)
 * @param timeout           how long one read may take
 */
@Validated
@ConfigurationProperties("persona.webhook.status")
record StatusProperties(@NotNull URI personaServiceUri, @NotNull Duration timeout) {
}
