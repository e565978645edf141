package com.personacomposer.persona.quota;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The day counters in MongoDB, shared by every instance: collection {@code quotas} holds
 * {@code {_id: "principal|<principal id>|<day>" or "budget|<day>", count, expiresAt}} (each kind of counter in a
 * namespace of its own, and principal ids are user:/key: ids besides), collection {@code quota_charges} one
 * {@code {_id: requestId, principal, day, givenBack, expiresAt}} per counted request, so a request is counted and
 * given back at most once. A TTL index on {@code expiresAt} removes both once their day is long over.
 */
class QuotaCounters {

    static final String COUNTERS = "quotas";
    static final String CHARGES = "quota_charges";
    private static final String BUDGET = "budget";
    private static final String PRINCIPAL = "principal";

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> charges;

    QuotaCounters(MongoDatabase database) {
        this.counters = database.getCollection(COUNTERS);
        this.charges = database.getCollection(CHARGES);
        IndexOptions expiry = new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS);
        counters.createIndex(Indexes.ascending("expiresAt"), expiry);
        charges.createIndex(Indexes.ascending("expiresAt"), expiry);
    }

    static String principalCounter(String principal, LocalDate day) {
        return PRINCIPAL + "|" + principal + "|" + day;
    }

    static String budgetCounter(LocalDate day) {
        return BUDGET + "|" + day;
    }

    /** The request's charge, if it was counted. */
    Optional<Document> charge(String requestId) {
        return Optional.ofNullable(charges.find(eq("_id", requestId)).first());
    }

    /**
     * Adds one to the counter unless it has reached {@code limit}; false when it has. The conditional upsert cannot
     * insert a second document of that id: an E11000 means the counter exists (at the limit, or inserted a moment
     * ago by a concurrent caller), and the plain conditional update then decides.
     */
    boolean incrementBelow(String counter, int limit, Instant expiresAt) {
        if (limit <= 0) {
            return false;
        }
        var below = and(eq("_id", counter), lt("count", limit));
        var increment = Updates.combine(Updates.inc("count", 1), Updates.setOnInsert("expiresAt", expiresAt));
        try {
            UpdateResult result = counters.updateOne(below, increment, new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return counters.updateOne(below, Updates.inc("count", 1)).getModifiedCount() > 0;
        }
    }

    /** Takes one off the counter (never below zero); nothing when the counter has expired. */
    void decrement(String counter) {
        counters.updateOne(and(eq("_id", counter), gt("count", 0)), Updates.inc("count", -1));
    }

    long count(String counter) {
        Document document = counters.find(eq("_id", counter)).first();
        return document == null ? 0 : ((Number) document.get("count")).longValue();
    }

    /** Remembers that the request was counted; false when it already was (a concurrent call of the same request). */
    boolean recordCharge(String requestId, String principal, LocalDate day, Instant expiresAt) {
        try {
            charges.insertOne(new Document("_id", requestId).append("principal", principal)
                    .append("day", day.toString()).append("givenBack", false).append("expiresAt", expiresAt));
            return true;
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
            return false;
        }
    }

    /** Marks the charge given back; the charge as it was when this call won, empty when it was given back already. */
    Optional<Document> markGivenBack(String requestId) {
        return Optional.ofNullable(charges.findOneAndUpdate(and(eq("_id", requestId), eq("givenBack", false)),
                Updates.set("givenBack", true), new FindOneAndUpdateOptions()));
    }

    /** Forgets a charge made by a call whose request was not recorded after all. */
    void deleteCharge(String requestId) {
        charges.deleteOne(eq("_id", requestId));
    }
}
