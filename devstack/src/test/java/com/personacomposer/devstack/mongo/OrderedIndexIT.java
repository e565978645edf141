package com.personacomposer.devstack.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Queries read through non-unique indexes answer exactly what the same queries answer on a collection without them,
 * before and after updates and deletes, in an in-memory H2 store (tests) and in an H2 file (local runs).
 */
class OrderedIndexIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void indexedQueriesAnswerWhatAScanAnswers(String store) throws Exception {
        try (MongoWireServer server = store.equals("memory") ? MongoWireServer.inMemory(0)
                : MongoWireServer.onFile(0, Files.createTempDirectory(Path.of("target"), "ordered-").resolve("db.mv.db"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("ordered").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("ordered").getCollection("plain");
            indexed.createIndex(Indexes.ascending("personaKey", "createdAt", "_id"));
            indexed.createIndex(Indexes.compoundIndex(Indexes.descending("updatedAt"), Indexes.ascending("key")));
            indexed.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().sparse(true));
            Random random = new Random(15);
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                Document document = new Document("_id", String.format("d%04d", i))
                        .append("personaKey", "p" + random.nextInt(6))
                        .append("key", "k" + random.nextInt(50))
                        .append("createdAt", Date.from(T0.plusSeconds(random.nextInt(200))))
                        .append("name", random.nextBoolean() ? "Amber " + i : "Birch " + i);
                if (random.nextInt(5) > 0) {
                    document.append("updatedAt", Date.from(T0.plusSeconds(random.nextInt(100))));
                }
                if (random.nextBoolean()) {
                    document.append("expiresAt", Date.from(T0.plusSeconds(random.nextInt(300))));
                }
                documents.add(document);
            }
            indexed.insertMany(documents);
            plain.insertMany(documents);

            assertSameAnswers(indexed, plain);

            for (MongoCollection<Document> collection : List.of(indexed, plain)) {
                collection.updateMany(eq("personaKey", "p1"), Updates.set("personaKey", "p2"));
                collection.updateMany(lt("createdAt", Date.from(T0.plusSeconds(20))), Updates.unset("updatedAt"));
                collection.updateOne(eq("_id", "d0007"), Updates.set("createdAt", Date.from(T0.plusSeconds(999))));
                collection.deleteMany(lt("expiresAt", Date.from(T0.plusSeconds(60))));
                collection.deleteMany(eq("key", "k3"));
            }

            assertSameAnswers(indexed, plain);
        }
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
        Date t50 = Date.from(T0.plusSeconds(50));
        List<Function<MongoCollection<Document>, FindIterable<Document>>> queries = List.of(
                c -> c.find(eq("personaKey", "p2")).sort(Sorts.ascending("createdAt", "_id")).limit(7),
                c -> c.find(eq("personaKey", "p2")).sort(Sorts.descending("createdAt", "_id")).limit(7),
                c -> c.find(eq("personaKey", "p3")).sort(Sorts.ascending("createdAt", "_id")).skip(5).limit(10),
                c -> c.find(and(eq("personaKey", "p4"), or(gt("createdAt", t50),
                        and(eq("createdAt", t50), gt("_id", "d0300"))))).sort(Sorts.ascending("createdAt", "_id")).limit(20),
                c -> c.find(and(eq("personaKey", "p0"), gte("createdAt", t50))).sort(Sorts.ascending("createdAt", "_id")),
                c -> c.find(eq("personaKey", "p5")).sort(Sorts.descending("name")),
                c -> c.find(regex("personaKey", "p[23]")).sort(Sorts.ascending("createdAt", "_id")).limit(30),
                c -> c.find(eq("personaKey", "nobody")).sort(Sorts.ascending("createdAt")),
                c -> c.find().sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("key"), Sorts.ascending("_id"))).limit(20),
                c -> c.find().sort(Sorts.orderBy(Sorts.ascending("updatedAt"), Sorts.descending("key"), Sorts.descending("_id"))).skip(30).limit(20),
                c -> c.find(ne("updatedAt", null)).sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("key"), Sorts.ascending("_id"))).limit(20),
                c -> c.find(regex("name", "amber", "i")).sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("key"), Sorts.ascending("_id"))).limit(20),
                c -> c.find(eq("updatedAt", null)).sort(Sorts.ascending("_id")),
                c -> c.find(lt("expiresAt", Date.from(T0.plusSeconds(120)))).sort(Sorts.ascending("_id")),
                c -> c.find(gte("expiresAt", Date.from(T0.plusSeconds(250)))).sort(Sorts.descending("expiresAt", "_id")),
                c -> c.find(eq("key", "k7")).sort(Sorts.ascending("_id")));
        for (int q = 0; q < queries.size(); q++) {
            List<Object> expected = queries.get(q).apply(plain).map(d -> d.get("_id")).into(new ArrayList<>());
            List<Object> actual = queries.get(q).apply(indexed).map(d -> d.get("_id")).into(new ArrayList<>());
            assertThat(actual).as("query %d", q).isEqualTo(expected);
        }
        assertThat(indexed.countDocuments(eq("personaKey", "p2"))).isEqualTo(plain.countDocuments(eq("personaKey", "p2")));
    }
}
