package com.personacomposer.persona.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Idempotency keys are stored with a TTL index: once the window has passed the database removes them, so the
 * collection does not grow with every key ever sent. (MongoDB's TTL monitor runs about once a minute.)
 */
@TestPropertySource(properties = {
        "persona.requests.idempotency-window=2s",
        "spring.mongodb.database=personas-idempotency-expiry-it",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
class IdempotencyKeyExpiryIT extends ServiceTestSupport {

    @Autowired
    MongoDatabase database;

    @Test
    void anIdempotencyKeyIsRemovedOnceItsWindowHasPassed() {
        String key = "expiring-" + UUID.randomUUID();
        assertThat(pipeline.put("/internal/requests/" + UUID.randomUUID(), record(unique("Expiring Eve"), key)).status())
                .isEqualTo(201);
        var keys = database.getCollection("idempotency_keys");
        String storedId = "a:" + key; // an anonymous caller's key, as IdempotencyKeys scopes it
        assertThat(keys.countDocuments(new Document("_id", storedId))).isEqualTo(1);

        Awaitility.await("idempotency key " + key + " removed").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> keys.countDocuments(new Document("_id", storedId)) == 0);
    }
}
