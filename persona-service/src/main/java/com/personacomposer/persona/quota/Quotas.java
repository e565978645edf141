package com.personacomposer.persona.quota;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Daily counts of requests with paid models, per principal and all together, in the quotas collection: one
 * document per principal and UTC day (and one for the budget), counted by one conditional {@code $inc} each, so
 * every replica sees one count. Documents expire (TTL) the day after their day.
 */
@Component
public class Quotas {

    static final String COLLECTION = "quotas";
    private static final String BUDGET = "*budget*";

    private final MongoCollection<Document> counts;
    private final QuotaProperties properties;
    private final Clock clock;

    public Quotas(MongoDatabase database, QuotaProperties properties, Clock clock) {
        this.counts = database.getCollection(COLLECTION);
        this.properties = properties;
        this.clock = clock;
        counts.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * Takes one unit for a request with {@code model} by {@code principal} (null: anonymous, counted in the budget
     * only); the day it counts on, or null for a free model. Refused beyond the quota or the budget.
     */
    public LocalDate take(String principal, String model) {
        if (properties.freeModels().contains(model)) {
            return null;
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (principal != null && !increment(principal, day, properties.dailyQuota())) {
            throw refused("the daily quota of " + properties.dailyQuota() + " requests with paid models is used up",
                    day, now);
        }
        if (!increment(BUDGET, day, properties.dailyBudget())) {
            if (principal != null) {
                giveBack(principal, day);
            }
            throw refused("today's budget of requests with paid models is used up", day, now);
        }
        return day;
    }

    /** Gives back the unit {@link #take} took on {@code day} (a request that failed before any provider charged). */
    public void giveBack(String principal, LocalDate day) {
        if (principal != null) {
            counts.updateOne(and(eq("_id", id(principal, day)), gt("used", 0)), inc("used", -1));
        }
        counts.updateOne(and(eq("_id", id(BUDGET, day)), gt("used", 0)), inc("used", -1));
    }

    /** How many units {@code principal} has used on the day of {@code now}. */
    public long used(String principal, Instant now) {
        Document count = counts.find(eq("_id", id(principal, LocalDate.ofInstant(now, ZoneOffset.UTC)))).first();
        return count == null ? 0 : count.get("used", Number.class).longValue();
    }

    /** One more unless {@code limit} is reached: the upsert of a full count finds no document and hits E11000. */
    private boolean increment(String who, LocalDate day, int limit) {
        if (limit == 0) {
            return false;
        }
        Instant expiresAt = day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int attempt = 1; ; attempt++) {
            try {
                counts.updateOne(and(eq("_id", id(who, day)), lt("used", limit)),
                        combine(inc("used", 1), setOnInsert("expiresAt", expiresAt)), new UpdateOptions().upsert(true));
                return true;
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                // Full, or another request inserted the day's count a moment ago: the next round tells.
                Document count = counts.find(eq("_id", id(who, day))).first();
                boolean full = count != null && count.get("used", Number.class).intValue() >= limit;
                if (full || attempt == 3) {
                    return false;
                }
            }
        }
    }

    private static String id(String who, LocalDate day) {
        return who + "|" + day;
    }

    private static QuotaExceededException refused(String message, LocalDate day, Instant now) {
        Instant nextDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new QuotaExceededException(message, Duration.between(now, nextDay));
    }
}
