package com.personacomposer.devstack;

import com.personacomposer.devstack.kafka.KafkaBroker;
import com.personacomposer.devstack.mongo.MongoWireServer;
import com.personacomposer.devstack.s3.S3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The three servers in this JVM, started in parallel. */
public final class EmbeddedInfrastructure implements Infrastructure {

    /** Tests see TTL indexes expire documents within about a second (mongod, and local runs: every 60 s). */
    static final Duration TEST_TTL_PERIOD = Duration.ofSeconds(1);

    private final KafkaBroker kafka;
    private final MongoWireServer mongo;
    private final S3Server s3;

    private EmbeddedInfrastructure(KafkaBroker kafka, MongoWireServer mongo, S3Server s3) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.s3 = s3;
    }

    /** Throwaway servers on free ports, data in memory (Kafka's log under {@code scratchDir}). */
    public static EmbeddedInfrastructure forTests(Path scratchDir) {
        return start(
                () -> KafkaBroker.start(FreePorts.next(), scratchDir.resolve("kafka")),
                () -> MongoWireServer.inMemory(0, TEST_TTL_PERIOD),
                () -> S3Server.transientStore(0));
    }

    /** The local-run servers on the well-known ports, data kept under {@code dataDir} between runs. */
    public static EmbeddedInfrastructure persistent(Path dataDir, int kafkaPort, int mongoPort, int s3Port) {
        return start(
                () -> KafkaBroker.start(kafkaPort, dataDir.resolve("kafka")),
                () -> MongoWireServer.onFile(mongoPort, dataDir.resolve("mongo").resolve("personas.mv.db")),
                () -> S3Server.onDirectory(s3Port, dataDir.resolve("s3")));
    }

    private static EmbeddedInfrastructure start(Supplier<KafkaBroker> kafka, Supplier<MongoWireServer> mongo,
                                                Supplier<S3Server> s3) {
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(kafka);
        CompletableFuture<MongoWireServer> mongoStart = CompletableFuture.supplyAsync(mongo);
        CompletableFuture<S3Server> s3Start = CompletableFuture.supplyAsync(s3);
        try {
            CompletableFuture.allOf(kafkaStart, mongoStart, s3Start).join();
        } catch (RuntimeException e) {
            // Whatever did start must not outlive the failure.
            kafkaStart.thenAccept(KafkaBroker::close);
            mongoStart.thenAccept(MongoWireServer::close);
            s3Start.thenAccept(S3Server::close);
            throw e;
        }
        return new EmbeddedInfrastructure(kafkaStart.join(), mongoStart.join(), s3Start.join());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public String s3Endpoint() {
        return s3.endpoint();
    }

    @Override
    public void close() {
        s3.close();
        mongo.close();
        kafka.close();
    }
}
