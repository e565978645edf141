package com.personacomposer.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.EventDeserializer;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.s3.S3Properties;
import com.personacomposer.storage.download.TestImages;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

@SpringBootTest
@DevStackTest
class StorageServiceIT {

    private static final byte[] PNG = TestImages.png();
    private static final HttpServer IMAGE_HOST = startImageHost();

    @Autowired
    private S3Client s3;

    @Autowired
    private S3Properties bucket;

    @DynamicPropertySource
    static void allowTheStubImageHost(DynamicPropertyRegistry registry) {
        // The environment variable itself, as a deployment would set it.
        registry.add("STORAGE_ALLOWED_IMAGE_HOSTS", () -> "127.0.0.1:" + IMAGE_HOST.getAddress().getPort());
    }

    @AfterAll
    static void stopImageHost() {
        IMAGE_HOST.stop(0);
    }

    @Test
    void storesAGeneratedImageInTheBucketAndAnnouncesIt(Infrastructure infra) {
        PersonaName name = PersonaName.of("Ada Lovelace " + UUID.randomUUID());
        String url = "http://127.0.0.1:" + IMAGE_HOST.getAddress().getPort() + "/images/portrait";
        var generated = ImageGenerated.of(UUID.randomUUID(), name.key(), ImageModel.LOCAL, url, null);

        publish(infra, generated);

        ImageStored stored = (ImageStored) await(infra, Topics.IMAGE_STORED, generated.requestId());
        assertThat(stored.personaKey()).isEqualTo(name.key());
        assertThat(stored.s3Key()).matches("persona-generations/[0-9a-f]{16}/" + generated.requestId() + "\\.png");
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.sizeBytes()).isEqualTo(PNG.length);
        assertThat(stored.model()).isEqualTo(ImageModel.LOCAL);

        var object = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket.bucket()).key(stored.s3Key()).build());
        assertThat(object.asByteArray()).isEqualTo(PNG);
        assertThat(object.response().contentType()).isEqualTo("image/png");
    }

    @Test
    void failsTheRequestAtTheStorageStageWhenTheDownloadIsRefused(Infrastructure infra) {
        PersonaName name = PersonaName.of("Mallory " + UUID.randomUUID());
        var generated = ImageGenerated.of(UUID.randomUUID(), name.key(), ImageModel.DALL_E,
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/", null);

        publish(infra, generated);

        PersonaFailed failed = (PersonaFailed) await(infra, Topics.PERSONA_FAILED, generated.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(failed.personaKey()).isEqualTo(name.key());
        assertThat(failed.reason()).startsWith("download refused: 169.254.169.254 is a link-local address");
    }

    private static HttpServer startImageHost() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/images/", exchange -> {
                // The server's own Content-Type is deliberately wrong: the stored type comes from the bytes.
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, PNG.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(PNG);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(Infrastructure infra, PersonaEvent event) {
        try (var producer = new KafkaProducer<String, PersonaEvent>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.of(event), event.personaKey(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.eventType(), e);
        }
    }

    private static PersonaEvent await(Infrastructure infra, String topic, UUID requestId) {
        try (var consumer = new KafkaConsumer<String, PersonaEvent>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "storage-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().requestId().equals(requestId)) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("nothing on " + topic + " for request " + requestId + " within 30 s");
    }
}
