package com.personacomposer.persona.request;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The idempotency_keys collection: which request a client's idempotency key stands for. Entries expire by code
 * (an entry older than the window counts as absent and is taken over), since the devstack's server has no TTL.
 */
@Component
class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    private final MongoCollection<Document> keys;

    IdempotencyKeys(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
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
