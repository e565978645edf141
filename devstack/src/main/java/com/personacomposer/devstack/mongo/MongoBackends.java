package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends as the services need them: every unique index a {@link ConjunctionIndex}, every other
 * index an {@link OrderedIndex} that queries read through, {@code hello} answered, {@code listDatabases} cheap, and
 * TTL indexes applied by {@link ExpiringBackend#expireDocuments}.
 */
final class MongoBackends {

    private MongoBackends() {
    }

    /** A backend whose TTL indexes can be applied. */
    interface ExpiringBackend extends MongoBackend {

        /** Deletes the documents that TTL indexes say expired before {@code now}; returns how many. */
        int expireDocuments(Instant now);
    }

    static ExpiringBackend inMemory() {
        return new Memory();
    }

    static ExpiringBackend onStore(MVStore store) {
        return new OnStore(store);
    }

    private static final class Memory extends MemoryBackend implements ExpiringBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            return new MemoryDatabase(name, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(
                        String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new ConjunctionIndex<>(
                            super.openOrCreateUniqueIndex(collection, indexName, keys, sparse), keys, sparse);
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(
                        String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new OrderedIndex<>(indexName, keys, sparse);
                }

                @Override
                protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                    return new IndexedMemoryCollection(this, collection, options, getCursorRegistry());
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (ServerCommands.isHello(command)) {
                return ServerCommands.hello(super.handleCommand(channel, databaseName, "isMaster", query));
            }
            if (ServerCommands.isListDatabases(databaseName, command)) {
                return ServerCommands.listDatabases(listDatabaseNames(), this::resolveDatabase);
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        @Override
        public int expireDocuments(Instant now) {
            return TtlIndexes.expire(List.copyOf(listDatabaseNames()), this::resolveDatabase, oplog, now);
        }
    }

    /** Memory collections that read through their {@link OrderedIndex}es where one helps. */
    private static final class IndexedMemoryCollection extends MemoryCollection {

        IndexedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            OrderedIndex.Plan<Integer> plan = OrderedIndex.bestPlan(getIndexes(), query, orderBy);
            if (plan == null) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            Stream<Document> documents = plan.positions().get().map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(documents, query, plan.sorted() ? null : orderBy, skip, limit, batchSize,
                    fieldSelector);
        }
    }

    /** H2 collections that read through their {@link OrderedIndex}es where one helps. */
    private static final class IndexedH2Collection extends H2Collection {

        IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                            MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            OrderedIndex.Plan<Object> plan = OrderedIndex.bestPlan(getIndexes(), query, orderBy);
            if (plan == null) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            Stream<Document> documents = plan.positions().get().map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(documents, query, plan.sorted() ? null : orderBy, skip, limit, batchSize,
                    fieldSelector);
        }
    }

    private static final class OnStore extends H2Backend implements ExpiringBackend {

        OnStore(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            MVStore store = getMvStore();
            return new H2Database(name, store, getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateUniqueIndex(
                        String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new ConjunctionIndex<>(
                            super.openOrCreateUniqueIndex(collection, indexName, keys, sparse), keys, sparse);
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(
                        String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new OrderedIndex<>(indexName, keys, sparse);
                }

                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                    // H2Database's own map names for a collection's documents and metadata.
                    String namespace = getFullCollectionNamespace(collection);
                    return new IndexedH2Collection(this, collection, options, store.openMap("databases." + namespace),
                            store.openMap("meta." + namespace), getCursorRegistry());
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (ServerCommands.isHello(command)) {
                return ServerCommands.hello(super.handleCommand(channel, databaseName, "isMaster", query));
            }
            if (ServerCommands.isListDatabases(databaseName, command)) {
                return ServerCommands.listDatabases(listDatabaseNames(), this::resolveDatabase);
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        @Override
        public int expireDocuments(Instant now) {
            return TtlIndexes.expire(List.copyOf(listDatabaseNames()), this::resolveDatabase, oplog, now);
        }
    }
}
