package com.personacomposer.persona.intake;

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
import com.personacomposer.kit.startup.OnStart;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestProperties;
import com.personacomposer.persona.store.BsonValues;
import com.personacomposer.persona.store.MongoErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The idempotency_keys collection: which request a client's idempotency key stands for, for the idempotency window.
 * A key is its principal's: {@code _id} is the key scoped to who sent it ({@link #scoped}), so two principals using the
 * same key make two requests. Each entry keeps a fingerprint of what was asked, so a reuse with other content is told
 * apart from a retry.
 * A TTL index on {@code createdAt} removes entries once the window has passed; until the server's TTL monitor gets to
 * one (it runs about once a minute), an entry older than the window counts as absent and is taken over.
 */
@Component
class IdempotencyKeys implements OnStart {

    static final String COLLECTION = "idempotency_keys";
    static final String TTL_INDEX = "createdAt_ttl";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    /** IndexOptionsConflict: an index of that name exists with other options (here: another expiry). */
    private static final int INDEX_OPTIONS_CONFLICT = 85;

    private final MongoCollection<Document> keys;
    private final Duration window;

    IdempotencyKeys(MongoDatabase database, RequestProperties properties) {
        this.keys = database.getCollection(COLLECTION);
        this.window = properties.idempotencyWindow();
    }

    /** Declares the TTL index that ends entries after the idempotency window, as the service starts. */
    @Override
    public void onStart() {
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

    /** What a key stands for: its request and the fingerprint of what was asked (null for entries without one). */
    record Entry(String requestId, String fingerprint) {

        /** Whether a call asking for {@code fingerprint} repeats the call that made this entry. */
        boolean sameContent(String fingerprint) {
            return this.fingerprint == null || this.fingerprint.equals(fingerprint);
        }
    }

    /**
     * The stored id of {@code key} sent by {@code principal} (null: anonymous). The principal's length comes first,
     * so no principal and key pair can spell another's id.
     */
    static String scoped(String principal, String key) {
        return principal == null ? "a:" + key : "p:" + principal.length() + ":" + principal + ":" + key;
    }

    /** A digest of what was asked: the fields a client sends, as the gateway normalised them. */
    static String fingerprint(RequestDetails details) {
        String content = String.join("\u0000", details.personaName(), details.description(),
                details.mottoTone().id(), details.model().id());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What the (scoped) key stands for, if the key was remembered after {@code notBefore}. */
    Optional<Entry> requestOf(String key, Instant notBefore) {
        Document entry = keys.find(eq("_id", key)).first();
        if (entry == null || BsonValues.instant(entry, "createdAt").isBefore(notBefore)) {
            return Optional.empty();
        }
        return Optional.of(entryOf(entry));
    }

    private static Entry entryOf(Document entry) {
        return new Entry(entry.getString("requestId"), entry.getString("fingerprint"));
    }

    /**
     * Remembers key -> requestId unless the key already stands for a request remembered after {@code notBefore};
     * returns what the key stands for afterwards (another request when a concurrent caller won).
     */
    Entry claim(String key, String requestId, String fingerprint, Instant now, Instant notBefore) {
        try {
            keys.insertOne(new Document("_id", key).append("requestId", requestId).append("fingerprint", fingerprint)
                    .append("createdAt", now));
            return new Entry(requestId, fingerprint);
        } catch (MongoWriteException e) {
            if (!MongoErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        // The key exists: take it over only if it has expired (conditionally, so one caller wins).
        keys.updateOne(and(eq("_id", key), lt("createdAt", notBefore)),
                combine(set("requestId", requestId), set("fingerprint", fingerprint), set("createdAt", now)));
        return entryOf(keys.find(eq("_id", key)).first());
    }
}
