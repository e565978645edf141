package com.personacomposer.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/** A MongoDB wire-protocol server (mongo-java-server): in memory for tests, an H2 file for local runs. */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final MVStore store;
    private final String connectionString;

    private MongoWireServer(MongoServer server, MVStore store, String connectionString) {
        this.server = server;
        this.store = store;
        this.connectionString = connectionString;
    }

    public static MongoWireServer inMemory(int port) {
        return start(MongoBackends.inMemory(), null, port);
    }

    public static MongoWireServer onFile(int port, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = MVStore.open(file.toString());
        // The default 1 s commit delay lost up to half a burst on kill -9; 100 ms lost nothing.
        store.setAutoCommitDelay(100);
        return start(MongoBackends.onStore(store), store, port);
    }

    private static MongoWireServer start(MongoBackend backend, MVStore store, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, store, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (store != null && !store.isClosed()) {
            store.close();
        }
    }
}
