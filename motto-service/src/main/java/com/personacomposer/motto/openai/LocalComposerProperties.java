package com.personacomposer.motto.openai;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The offline composer.
 *
 * @param latency a simulated provider latency for benchmarks (PERSONA_LOCAL_MOTTO_LATENCY; default 0, never in production)
 */
@Validated
@ConfigurationProperties("persona.motto.local")
record LocalComposerProperties(@NotNull Duration latency) {
}
