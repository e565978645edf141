package com.personacomposer.system;

import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.kafka.KafkaBroker;
import com.personacomposer.devstack.mongo.MongoWireServer;
import com.personacomposer.devstack.s3.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * Infrastructure that tests can break for real: the Kafka broker can be stopped and started again on its data, and
 * MongoDB and S3 are reached through TCP proxies whose links can be cut and restored.
 */
final class FaultyInfrastructure implements Infrastructure {

    private final Path kafkaDir;
    private final int kafkaPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final NioReactor reactor;
    private final MongoWireServer mongo;
    private final S3Server s3;
    private final TcpCrusher mongoLink;
    private final TcpCrusher s3Link;
    private KafkaBroker kafka;

    FaultyInfrastructure() {
        try {
            kafkaDir = Files.createTempDirectory("faulty-kafka-");
            reactor = new NioReactor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = KafkaBroker.start(kafkaPort, controllerPort, kafkaDir);
        mongo = MongoWireServer.inMemory(0);
        s3 = S3Server.transientStore(0);
        mongoLink = proxy(mongo.connectionString().replace("mongodb://", ""));
        s3Link = proxy(s3.endpoint().replace("http://", ""));
    }

    private TcpCrusher proxy(String target) {
        String[] hostPort = target.split(":");
        return TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", FreePorts.next())
                .withConnectAddress(hostPort[0], Integer.parseInt(hostPort[1]))
                .buildAndOpen();
    }

    void stopKafka() {
        kafka.close();
    }

    void startKafka() {
        kafka = KafkaBroker.start(kafkaPort, controllerPort, kafkaDir);
    }

    /** Cuts live connections and refuses new ones, as a network partition would. */
    void cutMongo() {
        mongoLink.close();
    }

    void restoreMongo() {
        mongoLink.open();
    }

    void cutS3() {
        s3Link.close();
    }

    void restoreS3() {
        s3Link.open();
    }

    @Override
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public String mongoUri() {
        return "mongodb://" + address(mongoLink);
    }

    @Override
    public String s3Endpoint() {
        return "http://" + address(s3Link);
    }

    private static String address(TcpCrusher link) {
        return "127.0.0.1:" + link.getBindAddress().getPort();
    }

    @Override
    public void close() {
        mongoLink.close();
        s3Link.close();
        reactor.close();
        s3.close();
        mongo.close();
        kafka.close();
    }
}
