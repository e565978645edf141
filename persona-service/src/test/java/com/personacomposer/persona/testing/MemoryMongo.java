package com.personacomposer.persona.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;

/**
 * The devstack's Mongo wire server (mongo-java-server) in memory, for fast tests of the stores against the server
 * the services really run on locally: same unique indexes, same E11000s, same missing features.
 */
public final class MemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    public MemoryMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    /** A fresh database for one test. */
    public MongoDatabase database() {
        return client.getDatabase("test-" + UUID.randomUUID());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
