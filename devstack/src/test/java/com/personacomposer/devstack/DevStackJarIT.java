package com.personacomposer.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The packaged {@code devstack.jar infra}: listens where it says, stops on SIGTERM, keeps data across restarts. */
class DevStackJarIT {

    private static final Path JAR = Path.of("target", "devstack.jar");

    @Test
    void infraKeepsDataAcrossACleanStop() throws Exception {
        Path dataDir = Files.createTempDirectory("devstack-jar-");
        int kafka = FreePorts.next();
        int mongo = FreePorts.next();
        int s3 = FreePorts.next();

        Process first = start(dataDir, kafka, mongo, s3);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo)) {
            client.getDatabase("personas").getCollection("kept").insertOne(new Document("name", "Zoë"));
        }
        stop(first);
        assertThat(listening(mongo)).as("mongo port after stop").isFalse();
        assertThat(listening(kafka)).as("kafka port after stop").isFalse();

        Process second = start(dataDir, kafka, mongo, s3);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo)) {
            assertThat(client.getDatabase("personas").getCollection("kept").find().first())
                    .containsEntry("name", "Zoë");
        } finally {
            stop(second);
        }
    }

    private static Process start(Path dataDir, int kafka, int mongo, int s3) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "infra", "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("devstack.log").toFile());
        builder.environment().put("DEVSTACK_KAFKA_PORT", String.valueOf(kafka));
        builder.environment().put("DEVSTACK_MONGO_PORT", String.valueOf(mongo));
        builder.environment().put("DEVSTACK_S3_PORT", String.valueOf(s3));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(dataDir.resolve("devstack.log")).contains("; ready")) {
            assertThat(process.isAlive()).as("devstack exited: " + Files.readString(dataDir.resolve("devstack.log"))).isTrue();
            assertThat(System.nanoTime()).as("devstack ready within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(listening(kafka) && listening(mongo) && listening(s3)).isTrue();
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
