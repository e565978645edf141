package com.personacomposer.gateway.access;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedOrigins the other origins whose pages may call /api/** (PERSONA_CORS_ORIGINS, comma-separated, such
 *                       as {@code https://app.example.com}; {@code https://*.example.com} patterns allowed); none:
 *                       only the gateway's own page
 * @param maxAge         how long a browser may keep a preflight's answer
 */
@Validated
@ConfigurationProperties("persona.gateway.cors")
record CorsProperties(List<String> allowedOrigins, @NotNull Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
