package com.personacomposer.persona.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quota refusals by scope ({@code principal}: a caller's daily quota, {@code budget}: the global budget), and the
 * budget used today against its limit. The refusal counters exist at zero from the start so the dashboard sees the
 * first refusals.
 */
class QuotaMetrics {

    static final String REFUSALS = "persona.quota.refusals";
    static final String BUDGET_USED = "persona.quota.budget.used";
    static final String BUDGET_LIMIT = "persona.quota.budget.limit";
    static final String PRINCIPAL = "principal";
    static final String BUDGET = "budget";

    private static final Logger log = LoggerFactory.getLogger(QuotaMetrics.class);

    private final MeterRegistry meters;

    QuotaMetrics(MeterRegistry meters, QuotaProperties properties) {
        this.meters = meters;
        refusals(PRINCIPAL);
        refusals(BUDGET);
        Gauge.builder(BUDGET_LIMIT, properties::budget).description("Paid requests all callers may start a UTC day")
                .register(meters);
    }

    /** Reads the shared count on each scrape, so every instance shows the same figure. */
    void budgetUsed(LongSupplier usedToday) {
        Gauge.builder(BUDGET_USED, () -> {
            try {
                return usedToday.getAsLong();
            } catch (RuntimeException e) {
                log.debug("budget count unreadable: {}", e.toString());
                return Double.NaN;
            }
        }).description("Paid requests started today (UTC), all callers together").register(meters);
    }

    void refused(String scope) {
        refusals(scope).increment();
    }

    private Counter refusals(String scope) {
        return Counter.builder(REFUSALS).description("Requests refused because a quota or the budget was used up")
                .tag("scope", scope).register(meters);
    }
}
