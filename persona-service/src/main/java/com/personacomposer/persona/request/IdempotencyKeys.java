package com.personacomposer.persona.request;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The idempotency_keys collection: which request a client's idempotency key stands for, for the idempotency window.
 * A TTL index on {@code createdAt} removes entries once the window has passed; until the server's TTL monitor gets to
 * one (it runs about once a minute), an entry older than the window counts as absent and is taken over.
 */
@Component
class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";
    static final String TTL_INDEX = "createdAt_ttl";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    /** IndexOptionsConflict: an index of that name exists with other options (here: another expiry). */
    private static final int INDEX_OPTIONS_CONFLICT = 85;

    private final MongoCollection<Document> keys;

    IdempotencyKeys(MongoDatabase database, RequestProperties properties) {
        this.keys = database.getCollection(COLLECTION);
        declareExpiry(properties.idempotencyWindow());
    }

    private void declareExpiry(Duration window) {
        IndexOptions ttl = new IndexOptions().name(TTL_INDEX).expireAfter(window.toSeconds(), TimeUnit.SECONDS);
        try {
            keys.createIndex(Indexes.ascending("createdAt"), ttl);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_OPTIONS_CONFLICT) {
                throw e;
            }
            // The window was changed: the index follows the configuration.
            log.info("idempotency keys now expire after {}", window);
            keys.dropIndex(TTL_INDEX);
            keys.createIndex(Indexes.ascending("createdAt"), ttl);
        }
    }

    /** The request the key stands for, if the key was remembered after {@code notBefore}. */
    Optional<String> requestOf(String key, Instant notBefore) {
        Document entry = keys.find(eq("_id", key)).first();
        if (entry == null || BsonValues.instant(entry, "createdAt").isBefore(notBefore)) {
            return Optional.empty();
        }
        return Optional.of(entry.getString("requestId"));
    }

    /**
     * Remembers key -> requestId unless the key already stands for a request remembered after {@code notBefore};
     * returns the request the key stands for afterwards (another one when a concurrent caller won).
     */
    String claim(String key, String requestId, Instant now, Instant notBefore) {
        try {
            keys.insertOne(new Document("_id", key).append("requestId", requestId).append("createdAt", now));
            return requestId;
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        // The key exists: take it over only if it has expired (conditionally, so one caller wins).
        keys.updateOne(and(eq("_id", key), lt("createdAt", notBefore)),
                combine(set("requestId", requestId), set("createdAt", now)));
        return keys.find(eq("_id", key)).first().getString("requestId");
    }
}
