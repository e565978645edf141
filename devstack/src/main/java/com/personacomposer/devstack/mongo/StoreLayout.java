package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 maps of the MongoDB stand-in, named as mongo-java-server's H2 backend names them (so its own code finds,
 * renames and drops them) and typed by {@link BsonDataTypes}. A store written before these types (every value
 * Java-serialized) is rewritten once when it is opened.
 */
final class StoreLayout {

    private static final Logger log = LoggerFactory.getLogger(StoreLayout.class);

    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";
    private static final String FORMAT_MAP = "stand-in.format";
    private static final String FORMAT = "bson";

    private StoreLayout() {
    }

    static MVMap<Object, Document> documents(MVStore store, String namespace) {
        return store.openMap(DOCUMENTS_PREFIX + namespace, documentsType());
    }

    /** Opens a unique index's map with its types, so that mongo-java-server's code opening it by name gets this one. */
    static void openUniqueIndex(MVStore store, String namespace, String indexName) {
        store.openMap(namespace + INDEX_INFIX + indexName, uniqueIndexType());
    }

    /** Rewrites the maps of a store written with Java-serialized values in {@link BsonDataTypes}, once. */
    static void upgrade(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (FORMAT.equals(format.get("values"))) {
            return;
        }
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(DOCUMENTS_PREFIX)) {
                rewrite(store, name, documentsType());
            } else if (name.contains(INDEX_INFIX)) {
                rewrite(store, name, uniqueIndexType());
            }
        }
        format.put("values", FORMAT);
        store.commit();
    }

    private static <K, V> void rewrite(MVStore store, String name, MVMap.Builder<K, V> type) {
        MVMap<K, V> serialized = store.openMap(name);
        MVMap<K, V> rewritten = store.openMap(name + ".bson", type);
        rewritten.putAll(serialized);
        store.removeMap(serialized);
        store.renameMap(rewritten, name);
        log.info("rewrote {} entries of {} as BSON", rewritten.size(), name);
    }

    private static MVMap.Builder<Object, Document> documentsType() {
        return new MVMap.Builder<Object, Document>().keyType(BsonDataTypes.POSITIONS)
                .valueType(BsonDataTypes.DOCUMENTS);
    }

    private static MVMap.Builder<KeyValue, Object> uniqueIndexType() {
        return new MVMap.Builder<KeyValue, Object>().keyType(BsonDataTypes.KEY_VALUES)
                .valueType(BsonDataTypes.POSITIONS);
    }
}
