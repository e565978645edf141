package com.personacomposer.motto.compose;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for benchmarks only, kept apart from what a deployment configures: ./run-local and the benchmark set
 * PERSONA_LOCAL_MOTTO_LATENCY to make the offline composer act like a chat model.
 *
 * @param mottoLatency a pause before each offline motto (default 0: none)
 */
@Validated
@ConfigurationProperties("persona.bench")
public record BenchProperties(@NotNull Duration mottoLatency) {
}
