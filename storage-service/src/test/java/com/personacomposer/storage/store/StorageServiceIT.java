package com.personacomposer.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.EventSerializer;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.cancel.CanceledRequests;
import com.personacomposer.kit.s3.S3Properties;
import com.personacomposer.kit.testing.EventConsumers;
import com.personacomposer.storage.download.TestImages;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

@SpringBootTest
@DevStackTest
class StorageServiceIT {

    private static final byte[] PNG = TestImages.png(600, 300);
    /** About 3 MB (noise does not compress), 1000 x 1000 pixels: 4 MB decoded. */
    private static final byte[] LARGE_PNG = TestImages.noisePng(1000, 1000, 42);
    private static final long MAX_DOWNLOAD = DataSize.ofMegabytes(4).toBytes();
    private static final long BUDGET = DataSize.ofMegabytes(12).toBytes();
    private static final AtomicInteger DOWNLOADS_NOW = new AtomicInteger();
    private static final AtomicInteger MOST_DOWNLOADS_AT_ONCE = new AtomicInteger();
    /** Paths asked of the image host under /canceled/. */
    private static final Set<String> CANCELED_DOWNLOADS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final HttpServer IMAGE_HOST = startImageHost();

    @Autowired
    private CanceledRequests canceled;

    @Autowired
    private S3Client s3;

    @Autowired
    private S3Properties bucket;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ThumbnailBackfill backfill;

    @DynamicPropertySource
    static void allowTheStubImageHost(DynamicPropertyRegistry registry) {
        // The environment variables themselves, as a deployment would set them.
        registry.add("STORAGE_ALLOWED_IMAGE_HOSTS", () -> "127.0.0.1:" + IMAGE_HOST.getAddress().getPort());
        registry.add("STORAGE_MAX_BYTES_IN_FLIGHT", () -> BUDGET + "B");
        // A budget of three largest downloads; one largest image with its decoded pixels fits (4 + 4 x 1 + 1 MB).
        registry.add("persona.storage.download.max-size", () -> MAX_DOWNLOAD + "B");
        registry.add("persona.storage.thumbnails.max-pixels", () -> "1000000");
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

        assertThat(stored.thumbnailKey()).isEqualTo(stored.s3Key().replace(".png", ".thumb.jpg"));
        assertThat(stored.thumbnailContentType()).isEqualTo("image/jpeg");
        BufferedImage thumbnail = thumbnailAt(stored.thumbnailKey());
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(128);
        BufferedImage doubleSize = thumbnailAt(stored.s3Key().replace(".png", ".thumb2x.jpg"));
        assertThat(doubleSize.getWidth()).isEqualTo(512);
        assertThat(doubleSize.getHeight()).isEqualTo(256);
    }

    @Test
    void neitherDownloadsNorStoresTheImageOfACanceledRequest(Infrastructure infra) throws Exception {
        PersonaName name = PersonaName.of("Changed Mind " + UUID.randomUUID());
        var dropped = ImageGenerated.of(UUID.randomUUID(), name.key(), ImageModel.LOCAL,
                imageUrl("/canceled/" + UUID.randomUUID()), null);
        var next = ImageGenerated.of(UUID.randomUUID(), name.key(), ImageModel.LOCAL, imageUrl("/images/next"), null);
        publish(infra, PersonaCanceled.of(dropped.requestId(), name.key(), null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> canceled.isCanceled(dropped.requestId()));

        publish(infra, dropped);
        publish(infra, next);

        ImageStored stored = (ImageStored) await(infra, Topics.IMAGE_STORED, next.requestId());
        Thread.sleep(1000);
        assertThat(CANCELED_DOWNLOADS).as("downloads of the canceled image").isEmpty();
        String folder = stored.s3Key().substring(0, stored.s3Key().lastIndexOf('/') + 1);
        assertThat(s3.listObjectsV2(list -> list.bucket(bucket.bucket()).prefix(folder)).contents())
                .extracting(object -> object.key())
                .noneMatch(key -> key.contains(dropped.requestId().toString()));
    }

    @Test
    void failsTheRequestAtTheStorageStageWhenTheImageIsCorrupt(Infrastructure infra) {
        PersonaName name = PersonaName.of("Broken " + UUID.randomUUID());
        var generated = ImageGenerated.of(UUID.randomUUID(), name.key(), ImageModel.LOCAL, imageUrl("/corrupt"), null);

        publish(infra, generated);

        PersonaFailed failed = (PersonaFailed) await(infra, Topics.PERSONA_FAILED, generated.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(failed.reason()).startsWith("the image is not a readable PNG (");
    }

    @Test
    void aBacklogOfLargeImagesStaysWithinTheInFlightBudgetAndAllIsStored(Infrastructure infra) {
        Set<UUID> requests = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            var generated = ImageGenerated.of(UUID.randomUUID(), "backlog " + i, ImageModel.DALL_E,
                    imageUrl("/large/" + i), null);
            requests.add(generated.requestId());
            publish(infra, generated);
        }

        Map<UUID, ImageStored> stored = awaitAll(infra, requests);

        assertThat(stored.values()).allSatisfy(image -> {
            assertThat(image.sizeBytes()).isEqualTo(LARGE_PNG.length);
            assertThat(image.thumbnailKey()).isNotNull();
        });
        double peak = meters.get("persona.storage.in.flight.peak").gauge().value();
        assertThat(peak).as("never more than the budget").isLessThanOrEqualTo(BUDGET);
        assertThat(peak).as("an image and its decoded pixels were held").isGreaterThan(2 * LARGE_PNG.length);
        assertThat(MOST_DOWNLOADS_AT_ONCE).as("a largest download is reserved before it starts")
                .hasValueLessThanOrEqualTo((int) (BUDGET / MAX_DOWNLOAD));
        assertThat(meters.get("persona.storage.in.flight").gauge().value()).as("all given back").isZero();
    }

    @Test
    void backFillsTheThumbnailsOfImagesStoredWithoutThemOrWithoutTheDoubleSizeOne() {
        String folder = "persona-generations/backfill-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        String bare = folder + UUID.randomUUID() + ".webp";
        String older = folder + UUID.randomUUID() + ".png";
        s3.putObject(PutObjectRequest.builder().bucket(bucket.bucket()).key(bare).contentType("image/webp").build(),
                RequestBody.fromBytes(TestImages.webp()));
        s3.putObject(PutObjectRequest.builder().bucket(bucket.bucket()).key(older).contentType("image/png").build(),
                RequestBody.fromBytes(TestImages.png(800, 800)));
        s3.putObject(PutObjectRequest.builder().bucket(bucket.bucket()).key(older.replace(".png", ".thumb.jpg"))
                .contentType("image/jpeg").build(), RequestBody.fromBytes(TestImages.jpeg(256, 256)));

        ThumbnailBackfill.Summary summary = backfill.run();

        assertThat(summary.made()).isGreaterThanOrEqualTo(2);
        BufferedImage thumbnail = thumbnailAt(bare.replace(".webp", ".thumb.jpg"));
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(171);
        assertThat(thumbnailAt(bare.replace(".webp", ".thumb2x.jpg")).getWidth()).isEqualTo(512);
        assertThat(thumbnailAt(older.replace(".png", ".thumb2x.jpg")).getHeight()).isEqualTo(512);
        assertThat(backfill.run().made()).as("nothing left to make").isZero();
    }

    private BufferedImage thumbnailAt(String key) {
        var object = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket.bucket()).key(key).build());
        assertThat(object.response().contentType()).isEqualTo("image/jpeg");
        try {
            return ImageIO.read(object.asInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String imageUrl(String path) {
        return "http://127.0.0.1:" + IMAGE_HOST.getAddress().getPort() + path;
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
        assertThat(failed.reason()).startsWith("download refused: [address] is a link-local address");
    }

    @Test
    void aRefusedDownloadIsExplainedInWordsWithoutAnyAddress(Infrastructure infra) {
        var privateAddress = ImageGenerated.of(UUID.randomUUID(), "internal " + UUID.randomUUID(), ImageModel.DALL_E,
                "http://10.0.3.7:8082/generated/abc.png", null);
        var unlistedHost = ImageGenerated.of(UUID.randomUUID(), "unlisted " + UUID.randomUUID(), ImageModel.DALL_E,
                "http://images.corp.internal:9000/persona-images/abc.png", null);

        publish(infra, privateAddress);
        publish(infra, unlistedHost);

        PersonaFailed refusedPrivate = (PersonaFailed) await(infra, Topics.PERSONA_FAILED, privateAddress.requestId());
        PersonaFailed refusedUnlisted = (PersonaFailed) await(infra, Topics.PERSONA_FAILED, unlistedHost.requestId());
        assertThat(refusedPrivate.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(refusedPrivate.reason()).isEqualTo("download refused: [address] is a private address");
        assertThat(refusedUnlisted.reason())
                .isEqualTo("download refused: [address] is not an allowed image host (see STORAGE_ALLOWED_IMAGE_HOSTS)");
        assertThat(List.of(refusedPrivate.reason(), refusedUnlisted.reason())).allSatisfy(reason ->
                assertThat(reason).doesNotContain("10.0.3.7", "8082", "images.corp.internal", "9000", "http"));
    }

    private static HttpServer startImageHost() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // The server's own Content-Type is deliberately wrong: the stored type comes from the bytes.
            server.createContext("/images/", exchange -> respond(exchange, PNG));
            server.createContext("/canceled/", exchange -> {
                CANCELED_DOWNLOADS.add(exchange.getRequestURI().getPath());
                respond(exchange, PNG);
            });
            server.createContext("/corrupt", exchange -> respond(exchange, Arrays.copyOf(PNG, PNG.length / 2)));
            server.createContext("/large/", exchange -> {
                // A slow host, so that downloads would pile up if nothing held them back. A download counts while the
                // host makes it wait: counted to the end of the answer, one the client has already read (and whose
                // reservation it has moved on from) could still count while this thread waits for a core.
                MOST_DOWNLOADS_AT_ONCE.accumulateAndGet(DOWNLOADS_NOW.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    DOWNLOADS_NOW.decrementAndGet();
                }
                respond(exchange, LARGE_PNG);
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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

    private static Map<UUID, ImageStored> awaitAll(Infrastructure infra, Set<UUID> requestIds) {
        Map<UUID, ImageStored> stored = new HashMap<>();
        try (var consumer = EventConsumers.fromTheStart(infra.kafkaBootstrapServers(),
                Topics.IMAGE_STORED, Topics.PERSONA_FAILED)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (stored.size() < requestIds.size() && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    PersonaEvent event = record.value();
                    if (requestIds.contains(event.requestId())) {
                        assertThat(event).as("request " + event.requestId()).isInstanceOf(ImageStored.class);
                        stored.put(event.requestId(), (ImageStored) event);
                    }
                }
            }
        }
        assertThat(stored.keySet()).as("every request stored within 120 s").containsExactlyInAnyOrderElementsOf(requestIds);
        return stored;
    }

    private static PersonaEvent await(Infrastructure infra, String topic, UUID requestId) {
        try (var consumer = EventConsumers.fromTheStart(infra.kafkaBootstrapServers(), topic)) {
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
