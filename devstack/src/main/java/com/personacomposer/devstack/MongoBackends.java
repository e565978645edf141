package com.personacomposer.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends as the services need them: every unique index a {@link ConjunctionIndex}, {@code hello}
 * answered, {@code listDatabases} cheap, and TTL indexes applied by {@link #expireDocuments}.
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

    private static final class OnStore extends H2Backend implements ExpiringBackend {

        OnStore(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new H2Database(name, getMvStore(), getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateUniqueIndex(
                        String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new ConjunctionIndex<>(
                            super.openOrCreateUniqueIndex(collection, indexName, keys, sparse), keys, sparse);
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
