package com.personacomposer.persona.quota;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.kit.startup.OnStart;
import com.personacomposer.persona.web.TooManyRequestsException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Paid requests a UTC day: each principal may start {@link QuotaProperties#daily()} of them and all callers together
 * {@link QuotaProperties#budget()}. Requests with a free model are never counted; a request without a principal (the
 * gateway lets those through with paid models only when it runs fully open) counts against the budget alone.
 * A request counts on the day it is recorded, once whatever the retries, and is given back at most once.
 */
@Service
public class Quotas implements OnStart {

    private static final Logger log = LoggerFactory.getLogger(Quotas.class);

    private final QuotaCounters counters;
    private final QuotaProperties properties;
    private final QuotaMetrics metrics;
    private final Clock clock;

    public Quotas(MongoDatabase database, QuotaProperties properties, MeterRegistry meters, Clock clock) {
        this.counters = new QuotaCounters(database);
        this.properties = properties;
        this.metrics = new QuotaMetrics(meters, properties);
        this.clock = clock;
        metrics.budgetUsed(this::budgetUsedToday);
    }

    /** Declares the counters' expiry, as the service starts. */
    @Override
    public void onStart() {
        counters.declareExpiry();
    }

    /** What the principal has used today and when that resets. */
    public record Usage(long used, int limit, Instant resetsAt) {
    }

    /**
     * Counts the request against today's quota of {@code principal} (null: anonymous) and the budget, unless its
     * model is free or it was counted already. True when this call counted it.
     *
     * @throws TooManyRequestsException when the principal's quota or the budget is used up (nothing is counted)
     */
    public boolean charge(String requestId, String principal, String model) {
        if (properties.freeModels().contains(model) || counters.charge(requestId).isPresent()) {
            return false;
        }
        LocalDate day = today();
        Instant resetsAt = startOf(day.plusDays(1));
        Instant expiresAt = startOf(day.plusDays(2)); // a day longer, for give-backs after midnight
        String own = principal == null ? null : QuotaCounters.principalCounter(principal, day);
        if (own != null && !counters.incrementBelow(own, properties.daily(), expiresAt)) {
            metrics.refused(QuotaMetrics.PRINCIPAL);
            throw new TooManyRequestsException("You have started your " + properties.daily()
                    + " requests with paid models today (UTC); more from " + resetsAt
                    + ". Models that are always free: " + String.join(", ", properties.freeModels()) + ".",
                    untilReset(resetsAt));
        }
        if (!counters.incrementBelow(QuotaCounters.budgetCounter(day), properties.budget(), expiresAt)) {
            if (own != null) {
                counters.decrement(own);
            }
            metrics.refused(QuotaMetrics.BUDGET);
            throw new TooManyRequestsException("Today's budget for paid models is spent; more from " + resetsAt
                    + ". Models that are always free: " + String.join(", ", properties.freeModels()) + ".",
                    untilReset(resetsAt));
        }
        if (!counters.recordCharge(requestId, principal, day, expiresAt)) {
            // A concurrent call for the same request counted it first.
            release(principal, day);
            return false;
        }
        return true;
    }

    /** Undoes what {@link #charge} counted for a request that was not recorded after all. */
    public void undoCharge(String requestId) {
        giveBack(requestId);
        counters.deleteCharge(requestId);
    }

    /** Gives the request's unit back, once however often it is asked; nothing when it was never counted. */
    public void giveBack(String requestId) {
        counters.markGivenBack(requestId).ifPresent(charge -> {
            release(charge.getString("principal"), LocalDate.parse(charge.getString("day")));
            log.debug("request {} gave its quota unit back", requestId);
        });
    }

    public Usage usage(String principal) {
        LocalDate day = today();
        return new Usage(counters.count(QuotaCounters.principalCounter(principal, day)), properties.daily(),
                startOf(day.plusDays(1)));
    }

    long budgetUsedToday() {
        return counters.count(QuotaCounters.budgetCounter(today()));
    }

    private void release(String principal, LocalDate day) {
        if (principal != null) {
            counters.decrement(QuotaCounters.principalCounter(principal, day));
        }
        counters.decrement(QuotaCounters.budgetCounter(day));
    }

    private Duration untilReset(Instant resetsAt) {
        return Duration.between(clock.instant(), resetsAt);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
