package com.personacomposer.webhook.signing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Each principal's signing secret ({@code whsec_} + base64 of 32 random bytes), made on first use and kept encrypted
 * ({@link SecretCipher}) in the {@code signing_secrets} collection: {@code {_id: principal, current: {secret,
 * createdAt}, previous: {secret, until} | null, updatedAt}}. A rotation makes the current secret the previous one,
 * which signs beside the new one until {@code until}. Neither value is ever logged or put in an event.
 */
@Component
class SigningSecrets {

    static final String COLLECTION = "signing_secrets";
    private static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final int ROTATION_TRIES = 5;

    /** A rotation's result: the new secret, and until when the replaced one still signs. */
    record Rotation(String secret, Instant previousValidUntil) {
        @Override
        public String toString() {
            return "Rotation[secret=<hidden>, previousValidUntil=" + previousValidUntil + "]";
        }
    }

    private final MongoCollection<Document> secrets;
    private final SecretCipher cipher;
    private final SecretProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SigningSecrets(MongoDatabase database, SecretProperties properties, Clock clock) {
        this.secrets = database.getCollection(COLLECTION);
        this.cipher = new SecretCipher(properties.encryptionKey());
        this.properties = properties;
        this.clock = clock;
    }

    /** The principal's secret, made now if it has none yet. */
    String current(String principal) {
        return cipher.decrypt(document(principal).get("current", Document.class).getString("secret"), principal);
    }

    /** A new secret for the principal; the one it replaces signs beside it for the rotation overlap. */
    Rotation rotate(String principal) {
        for (int attempt = 0; attempt < ROTATION_TRIES; attempt++) {
            Document current = document(principal).get("current", Document.class);
            Instant now = now();
            Instant until = now.plus(properties.rotationOverlap());
            String fresh = newSecret();
            Document update = new Document("$set", new Document("current", sealed(fresh, principal, now))
                    .append("previous", new Document("secret", current.getString("secret")).append("until", until))
                    .append("updatedAt", now));
            // Conditional on the secret this call read: of two rotations at once, one wins and the other goes again.
            if (secrets.updateOne(and(eq("_id", principal), eq("current.secret", current.getString("secret"))),
                    update).getModifiedCount() == 1) {
                return new Rotation(fresh, until);
            }
        }
        throw new IllegalStateException("the signing secret kept changing while it was rotated");
    }

    /** The keys deliveries for the principal are signed with now: the current one first, then one still in overlap. */
    List<byte[]> signingKeys(String principal) {
        Document document = document(principal);
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(key(cipher.decrypt(document.get("current", Document.class).getString("secret"), principal)));
        Document previous = document.get("previous", Document.class);
        if (previous != null && previous.getDate("until").toInstant().isAfter(now())) {
            keys.add(key(cipher.decrypt(previous.getString("secret"), principal)));
        }
        return keys;
    }

    private Document document(String principal) {
        Document found = secrets.find(eq("_id", principal)).first();
        if (found != null) {
            return found;
        }
        Instant now = now();
        Document fresh = new Document("current", sealed(newSecret(), principal, now))
                .append("previous", null)
                .append("updatedAt", now);
        try {
            secrets.updateOne(eq("_id", principal), new Document("$setOnInsert", fresh),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Two first uses raced: the other one's secret is the principal's.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return secrets.find(eq("_id", principal)).first();
    }

    private Document sealed(String secret, String principal, Instant now) {
        return new Document("secret", cipher.encrypt(secret, principal)).append("createdAt", now);
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The HMAC key of a secret: the base64 after {@code whsec_}, decoded (the Standard Webhooks convention). */
    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
