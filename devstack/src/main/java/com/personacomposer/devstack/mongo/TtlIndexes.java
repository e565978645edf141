package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * What mongod's TTL monitor does, for mongo-java-server (which keeps TTL indexes' descriptions but expires nothing):
 * for each single-field index with {@code expireAfterSeconds}, delete the documents whose field holds a date (or an
 * array holding a date) older than now minus that many seconds. Documents without a date there never expire.
 */
final class TtlIndexes {

    private static final String INDEXES = "system.indexes";

    private TtlIndexes() {
    }

    /** Deletes every expired document of every open database; returns how many. */
    static int expire(Collection<String> databaseNames, Function<String, MongoDatabase> open, Oplog oplog, Instant now) {
        int deleted = 0;
        for (String databaseName : databaseNames) {
            MongoDatabase database = open.apply(databaseName);
            MongoCollection<?> indexes = database.resolveCollection(INDEXES, false);
            if (indexes == null) {
                continue;
            }
            for (Document index : indexes.handleQuery(new Document("expireAfterSeconds", new Document("$exists", true)))) {
                deleted += expire(database, index, oplog, now);
            }
        }
        return deleted;
    }

    private static int expire(MongoDatabase database, Document index, Oplog oplog, Instant now) {
        Document key = (Document) index.get("key");
        if (key == null || key.size() != 1 || !(index.get("expireAfterSeconds") instanceof Number seconds)
                || !(index.get("ns") instanceof String namespace)) {
            return 0; // mongod ignores expireAfterSeconds on compound indexes too
        }
        MongoCollection<?> collection = database.resolveCollection(
                namespace.substring(database.getDatabaseName().length() + 1), false);
        if (collection == null) {
            return 0;
        }
        String field = key.keySet().iterator().next();
        Instant cutoff = now.minusMillis(Math.round(seconds.doubleValue() * 1000));
        return collection.deleteDocuments(new Document(field, new Document("$lt", cutoff)), 0, oplog);
    }
}
