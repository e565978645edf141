package com.personacomposer.persona.quota;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests with paid models may start a UTC day.
 *
 * @param dailyQuota  per principal (PERSONA_DAILY_QUOTA)
 * @param dailyBudget all callers together, anonymous ones included (PERSONA_DAILY_BUDGET)
 * @param freeModels  model ids that count against neither (PERSONA_FREE_MODELS)
 */
@Validated
@ConfigurationProperties("persona.quota")
public record QuotaProperties(@Min(0) int dailyQuota, @Min(0) int dailyBudget, @NotNull Set<String> freeModels) {
}
