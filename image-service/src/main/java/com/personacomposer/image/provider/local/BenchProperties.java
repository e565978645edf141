package com.personacomposer.image.provider.local;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for benchmarks only, kept apart from what a deployment configures: ./run-local and the benchmark set
 * PERSONA_LOCAL_IMAGE_LATENCY to make the local model act like a slow provider.
 *
 * @param imageLatency a pause before each local image (default 0: none)
 */
@Validated
@ConfigurationProperties("persona.bench")
record BenchProperties(@NotNull Duration imageLatency) {
}
