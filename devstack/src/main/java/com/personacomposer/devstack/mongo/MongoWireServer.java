package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server on {@link StandInBackend}): an in-memory H2 store for tests, an H2
 * file for local runs. Like mongod's TTL monitor, it deletes expired documents of TTL indexes every {@code ttlPeriod}.
 */
public final class MongoWireServer implements AutoCloseable {

    /** mongod's TTL monitor period. */
    public static final Duration MONGOD_TTL_PERIOD = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final MongoServer server;
    private final StandInBackend backend;
    private final String connectionString;
    private final ScheduledExecutorService ttlMonitor;

    private MongoWireServer(MongoServer server, StandInBackend backend, String connectionString, Duration ttlPeriod) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
        this.ttlMonitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-ttl-monitor");
            thread.setDaemon(true);
            return thread;
        });
        ttlMonitor.scheduleWithFixedDelay(this::expireQuietly, ttlPeriod.toMillis(), ttlPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static MongoWireServer inMemory(int port) {
        return inMemory(port, MONGOD_TTL_PERIOD);
    }

    public static MongoWireServer inMemory(int port, Duration ttlPeriod) {
        return start(MVStore.open(null), port, ttlPeriod);
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
        return start(store, port, MONGOD_TTL_PERIOD);
    }

    private static MongoWireServer start(MVStore store, int port, Duration ttlPeriod) {
        StoreLayout.upgrade(store);
        StandInBackend backend = new StandInBackend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, backend, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), ttlPeriod);
    }

    public String connectionString() {
        return connectionString;
    }

    /** One pass of the TTL monitor now; returns how many documents it deleted. */
    public int expireDocuments() {
        return backend.expireDocuments(Instant.now());
    }

    private void expireQuietly() {
        try {
            int deleted = expireDocuments();
            if (deleted > 0) {
                log.debug("TTL monitor deleted {} expired documents", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("TTL monitor pass failed; next pass as scheduled", e);
        }
    }

    @Override
    public void close() {
        ttlMonitor.shutdownNow();
        server.shutdownNow();
        backend.close();
    }
}
