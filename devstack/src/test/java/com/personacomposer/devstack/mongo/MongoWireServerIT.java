package com.personacomposer.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.health.MongoHealthIndicator;

/** The MongoDB stand-in takes every index the services declare, expires TTL indexes and answers health checks. */
class MongoWireServerIT {

    @Test
    void ttlIndexDeletesExpiredDocumentsAndKeepsTheRest() {
        try (MongoWireServer server = MongoWireServer.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("personas").getCollection("idempotency_keys");
            keys.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
            Instant now = Instant.now();
            keys.insertOne(new Document("_id", "two-hours-old").append("createdAt", Date.from(now.minusSeconds(7200))));
            keys.insertOne(new Document("_id", "a-minute-old").append("createdAt", Date.from(now.minusSeconds(60))));
            keys.insertOne(new Document("_id", "no-date").append("createdAt", "yesterday"));
            keys.insertOne(new Document("_id", "no-field"));

            assertThat(server.expireDocuments()).isEqualTo(1);

            assertThat(keys.find().map(d -> d.getString("_id")))
                    .containsExactlyInAnyOrder("a-minute-old", "no-date", "no-field");
        }
    }

    @Test
    void ttlMonitorSweepsOnItsOwnEveryPeriod() throws InterruptedException {
        try (MongoWireServer server = MongoWireServer.inMemory(0, Duration.ofMillis(200));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("personas").getCollection("sessions");
            sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
            sessions.insertOne(new Document("_id", "expired").append("expiresAt", Date.from(Instant.now().minusSeconds(1))));
            sessions.insertOne(new Document("_id", "valid").append("expiresAt", Date.from(Instant.now().plusSeconds(3600))));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sessions.countDocuments(new Document("_id", "expired")) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(sessions.find().map(d -> d.getString("_id"))).containsExactly("valid");
        }
    }

    @Test
    void nonUniqueAndCompoundIndexesAreCreatedListedAndQueriesStayCorrect() {
        try (MongoWireServer server = MongoWireServer.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> images = client.getDatabase("personas").getCollection("images");
            images.createIndex(Indexes.ascending("personaKey", "createdAt", "_id"));
            images.createIndex(Indexes.descending("createdBy"));
            images.createIndex(Indexes.ascending("requestId"), new IndexOptions().unique(true));
            images.createIndex(Indexes.ascending("personaKey", "createdAt", "_id")); // again, as every start-up does
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 6; i++) {
                images.insertOne(new Document("_id", "img-" + i).append("personaKey", i % 2 == 0 ? "zoe" : "bo")
                        .append("requestId", "r" + i).append("createdAt", Date.from(t.plusSeconds(10 - i))));
            }

            List<Document> indexes = images.listIndexes().into(new java.util.ArrayList<>());
            assertThat(indexes).extracting(i -> i.get("key", Document.class)).containsExactlyInAnyOrder(
                    new Document("_id", 1),
                    new Document("personaKey", 1).append("createdAt", 1).append("_id", 1),
                    new Document("createdBy", -1),
                    new Document("requestId", 1));
            assertThat(indexes).filteredOn(i -> i.get("key", Document.class).containsKey("requestId"))
                    .extracting(i -> i.getBoolean("unique")).containsExactly(true);
            assertThat(images.find(new Document("personaKey", "zoe")).sort(Sorts.ascending("createdAt", "_id"))
                    .map(d -> d.getString("_id"))).containsExactly("img-4", "img-2", "img-0");
        }
    }

    @Test
    void ttlIndexesAndDataOfAnH2StoreSurviveARestart() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "mongo-h2-").resolve("personas.mv.db");
        try (MongoWireServer server = MongoWireServer.onFile(0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("personas").getCollection("idempotency_keys");
            keys.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
            keys.insertOne(new Document("_id", "old").append("createdAt", Date.from(Instant.now().minusSeconds(120))));
            keys.insertOne(new Document("_id", "new").append("createdAt", new Date()));
        }
        try (MongoWireServer server = MongoWireServer.onFile(0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("personas").getCollection("idempotency_keys");
            assertThat(keys.listIndexes().map(i -> i.get("expireAfterSeconds"))).contains(60L);

            assertThat(server.expireDocuments()).isEqualTo(1);

            assertThat(keys.find().map(d -> d.getString("_id"))).containsExactly("new");
        }
    }

    @Test
    void valuesOfEveryKindAndUniqueKeysSurviveARestart() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "mongo-h2-").resolve("personas.mv.db");
        Document kinds = new Document("_id", new ObjectId())
                .append("text", "Zoë").append("int", 7).append("long", 1L << 40).append("double", 0.5)
                .append("decimal", new Decimal128(new BigDecimal("1.10"))).append("flag", true).append("none", null)
                .append("date", new Date(1_767_225_600_000L)).append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 1, new Document("b", 2))).append("nested", new Document("x", List.of()));
        try (MongoWireServer server = MongoWireServer.onFile(0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("personas");
            database.getCollection("kinds").insertOne(kinds);
            MongoCollection<Document> personas = database.getCollection("personas");
            personas.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            personas.insertOne(new Document("_id", 1).append("slug", "zoe"));
            personas.insertOne(new Document("_id", new Document("a", 1)).append("slug", "bo"));
        }
        try (MongoWireServer server = MongoWireServer.onFile(0, file);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("personas");
            MongoCollection<Document> personas = database.getCollection("personas");

            assertThat(database.getCollection("kinds").find(new Document("_id", kinds.get("_id"))).first())
                    .isEqualTo(kinds);
            assertThat(personas.find(new Document("_id", new Document("a", 1))).first()).containsEntry("slug", "bo");
            assertThatThrownBy(() -> personas.insertOne(new Document("_id", 2).append("slug", "zoe")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertThatThrownBy(() -> personas.insertOne(new Document("_id", 1.0).append("slug", "other")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        }
    }

    @Test
    void aStoreWrittenWithSerializedValuesIsReadAndKeptAfterItIsRewritten() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "mongo-h2-").resolve("personas.mv.db");
        MongoServer serialized = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + serialized.bind().getPort())) {
            MongoCollection<Document> personas = client.getDatabase("personas").getCollection("personas");
            personas.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            personas.insertOne(new Document("_id", "p1").append("slug", "zoe").append("count", 3));
        } finally {
            serialized.shutdownNow();
        }
        for (String newId : List.of("p2", "p3")) { // the first start rewrites the store, the second reads it as is
            try (MongoWireServer server = MongoWireServer.onFile(0, file);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> personas = client.getDatabase("personas").getCollection("personas");

                assertThat(personas.find(new Document("slug", "zoe")).first())
                        .isEqualTo(new Document("_id", "p1").append("slug", "zoe").append("count", 3));
                assertThatThrownBy(() -> personas.insertOne(new Document("_id", newId).append("slug", "zoe")))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            }
        }
    }

    @Test
    void helloIsAnsweredInEveryDatabase() {
        try (MongoWireServer server = MongoWireServer.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("personas").getCollection("personas").insertOne(new Document("name", "Zoë"));

            for (String database : List.of("admin", "personas")) {
                Document hello = client.getDatabase(database).runCommand(new Document("hello", 1));
                assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
                assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
                assertThat(hello.getInteger("maxWireVersion")).isPositive();
            }
        }
    }

    @Test
    void springBootsMongoHealthIndicatorReportsUp() {
        try (MongoWireServer server = MongoWireServer.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("personas").getCollection("personas").insertOne(new Document("name", "Zoë"));

            Health health = new MongoHealthIndicator(client).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("maxWireVersion");
            assertThat(health.getDetails().get("databases")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("personas");
        }
    }
}
