package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend (an in-memory store for tests, a file for local runs: the same code either way) as
 * the services need it: values kept as BSON ({@link StoreLayout}), every non-unique index an {@link OrderedIndex},
 * queries read through the index that serves them ({@link QueryPlans}), TTL indexes applied, {@code hello} answered
 * and {@code listDatabases} cheap.
 */
final class StandInBackend extends H2Backend {

    StandInBackend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        MVStore store = getMvStore();
        return new H2Database(name, store, getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(
                    String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                return new OrderedIndex<>(indexName, keys);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(
                    String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                StoreLayout.openUniqueIndex(store, getFullCollectionNamespace(collection), indexName);
                return super.openOrCreateUniqueIndex(collection, indexName, keys, sparse);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                // H2Database's own map name for a collection's metadata.
                String namespace = getFullCollectionNamespace(collection);
                return new IndexedCollection(this, collection, options, StoreLayout.documents(store, namespace),
                        store.openMap("meta." + namespace), getCursorRegistry());
            }
        };
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            return hello(super.handleCommand(channel, databaseName, "isMaster", query));
        }
        if (databaseName.equals("admin") && command.equalsIgnoreCase("listDatabases")) {
            return listDatabases();
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    /**
     * What mongod's TTL monitor does, which mongo-java-server does not (it keeps TTL indexes' descriptions only): for
     * each single-field index with {@code expireAfterSeconds}, deletes the documents whose field holds a date (or an
     * array holding a date) older than {@code now} minus that many seconds; returns how many. Documents without a date
     * there never expire; mongod ignores {@code expireAfterSeconds} on compound indexes, and so does this.
     */
    int expireDocuments(Instant now) {
        int deleted = 0;
        for (String databaseName : List.copyOf(listDatabaseNames())) {
            MongoDatabase database = resolveDatabase(databaseName);
            MongoCollection<?> indexes = database.resolveCollection("system.indexes", false);
            for (Document index : indexes == null ? List.<Document>of()
                    : indexes.handleQuery(new Document("expireAfterSeconds", new Document("$exists", true)))) {
                Document key = (Document) index.get("key");
                MongoCollection<?> collection = index.get("ns") instanceof String namespace
                        ? database.resolveCollection(namespace.substring(databaseName.length() + 1), false) : null;
                if (key != null && key.size() == 1 && index.get("expireAfterSeconds") instanceof Number seconds
                        && collection != null) {
                    Instant cutoff = now.minusMillis(Math.round(seconds.doubleValue() * 1000));
                    deleted += collection.deleteDocuments(
                            new Document(key.keySet().iterator().next(), new Document("$lt", cutoff)), 0, oplog);
                }
            }
        }
        return deleted;
    }

    /**
     * {@code hello} (what drivers and Spring Boot's health indicator send since MongoDB 5) from the server's
     * {@code isMaster} answer: the same fields, with {@code isWritablePrimary} in place of {@code ismaster}.
     */
    private static Document hello(Document isMaster) {
        Document hello = new Document("isWritablePrimary", isMaster.getOrDefault("ismaster", Boolean.TRUE));
        isMaster.forEach((field, value) -> {
            if (!field.equals("ismaster")) {
                hello.put(field, value);
            }
        });
        return hello;
    }

    /**
     * {@code listDatabases} (Spring Boot's health indicator lists them) from the databases already open.
     * mongo-java-server's own answer re-opens every database to list it, which re-reads every index of an H2 store.
     */
    private Document listDatabases() {
        List<Document> databases = listDatabaseNames().stream().sorted().map(name -> new Document("name", name)
                .append("sizeOnDisk", 0L)
                .append("empty", resolveDatabase(name).isEmpty())).toList();
        Document response = new Document("databases", databases).append("totalSize", 0L);
        Utils.markOkay(response);
        return response;
    }

    /** Collections that read through the index {@link QueryPlans} picks, where one serves the query. */
    private static final class IndexedCollection extends H2Collection {

        IndexedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            QueryPlans.Plan<Object> plan = QueryPlans.best(getIndexes(), query, orderBy);
            if (plan == null) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return matchDocumentsFromStream(plan.positions().get().map(this::getDocument).filter(Objects::nonNull),
                    query, plan.sorted() ? null : orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
