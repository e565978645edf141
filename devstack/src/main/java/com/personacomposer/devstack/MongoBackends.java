package com.personacomposer.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;
import org.h2.mvstore.MVStore;

/** mongo-java-server's backends with every unique index a {@link ConjunctionIndex}. */
final class MongoBackends {

    private MongoBackends() {
    }

    static MongoBackend inMemory() {
        return new MemoryBackend() {
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
        };
    }

    static MongoBackend onStore(MVStore store) {
        return new H2Backend(store) {
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
        };
    }
}
