package com.personacomposer.persona.quota;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many paid requests may start a UTC day.
 *
 * @param daily      requests a principal may start a day with models outside {@code freeModels} (PERSONA_DAILY_QUOTA)
 * @param budget     such requests all callers together may start a day (PERSONA_DAILY_BUDGET)
 * @param freeModels models that cost nothing and are never counted (PERSONA_FREE_MODELS, comma-separated ids)
 */
@Validated
@ConfigurationProperties("persona.quota")
public record QuotaProperties(
        @PositiveOrZero int daily,
        @PositiveOrZero int budget,
        @NotNull Set<String> freeModels) {
}
