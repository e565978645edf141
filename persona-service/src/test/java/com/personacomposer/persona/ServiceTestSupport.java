package com.personacomposer.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.kit.s3.S3Properties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** persona-service running on the devstack, driven through Kafka and HTTP like the other services drive it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DevStackTest
abstract class ServiceTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    S3Client s3;

    @Autowired
    S3Properties s3Properties;

    Pipeline pipeline;

    @BeforeEach
    void startPipeline() {
        pipeline = new Pipeline(port);
    }

    @AfterEach
    void closePipeline() {
        pipeline.close();
    }

    /** A name no other test uses (the broker and database are shared by every test of the JVM). */
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static PersonaRequested requested(String rawName, String description, MottoTone tone) {
        PersonaName name = PersonaName.of(rawName);
        return PersonaRequested.of(UUID.randomUUID(), name.key(), name.displayName(), name.slug(), description, tone,
                ImageModel.LOCAL);
    }

    /** Puts the image in the bucket where storage-service would, and says so the way it does. */
    ImageStored store(PersonaRequested requested, byte[] png) {
        String key = "persona-generations/" + keyHash(requested.personaKey()) + "/" + requested.requestId() + ".png";
        s3.putObject(put -> put.bucket(s3Properties.bucket()).key(key).contentType("image/png"),
                RequestBody.fromBytes(png));
        String thumbnailKey = key.replace(".png", ".thumb.jpg");
        s3.putObject(put -> put.bucket(s3Properties.bucket()).key(thumbnailKey).contentType("image/jpeg"),
                RequestBody.fromBytes(THUMBNAIL));
        return ImageStored.of(requested.requestId(), requested.personaKey(), ImageModel.LOCAL, key, "image/png",
                png.length, null, thumbnailKey, "image/jpeg");
    }

    static MottoGenerated motto(PersonaRequested requested, String motto) {
        return MottoGenerated.of(requested.requestId(), requested.personaKey(), motto, "local");
    }

    /** The start of a JPEG, standing for the thumbnail storage-service writes beside each image. */
    static final byte[] THUMBNAIL = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 't', 'h', 'u', 'm', 'b'};

    static byte[] png(String marker) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] body = marker.getBytes(StandardCharsets.UTF_8);
        byte[] png = new byte[header.length + body.length];
        System.arraycopy(header, 0, png, 0, header.length);
        System.arraycopy(body, 0, png, header.length, body.length);
        return png;
    }

    /** Publishes a whole request and waits until persona-service has completed it. */
    PersonaRequested createImage(String rawName, String description, MottoTone tone, String motto) {
        PersonaRequested requested = requested(rawName, description, tone);
        pipeline.publish(requested, store(requested, png(requested.requestId().toString())), motto(requested, motto));
        awaitStatus(requested.requestId(), "COMPLETED");
        return requested;
    }

    /** What others are shown of the principal of {@link #createOwnedImage}. */
    static final String OWNER_NAME = "Zoë Owner";

    /**
     * Records a request as the gateway does for {@code principal}, shown to others as {@link #OWNER_NAME}
     * (percent-encoded as the gateway sends it), then completes it through the pipeline.
     */
    PersonaRequested createOwnedImage(String name, String principal) {
        UUID requestId = UUID.randomUUID();
        assertThat(pipeline.put("/internal/requests/" + requestId, record(name, null),
                Map.of("X-Persona-Principal", principal, "X-Persona-Principal-Name", "Zo%C3%AB%20Owner"))
                .status()).isEqualTo(201);
        PersonaName persona = PersonaName.of(name);
        PersonaRequested requested = PersonaRequested.of(requestId, persona.key(), persona.displayName(),
                persona.slug(), "", MottoTone.NEUTRAL, ImageModel.LOCAL);
        pipeline.publish(requested, store(requested, png(requestId.toString())),
                motto(requested, "Mine " + requestId));
        awaitStatus(requestId, "COMPLETED");
        return requested;
    }

    /** The body of the gateway's PUT /internal/requests/{id} for the local model. */
    static Map<String, Object> record(String rawName, String idempotencyKey) {
        return record(rawName, "local", idempotencyKey);
    }

    /** The body of the gateway's PUT /internal/requests/{id} for {@code model}. */
    static Map<String, Object> record(String rawName, String model, String idempotencyKey) {
        PersonaName name = PersonaName.of(rawName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personaKey", name.key());
        body.put("personaName", name.displayName());
        body.put("slug", name.slug());
        body.put("description", "recorded by the gateway");
        body.put("mottoTone", "neutral");
        body.put("model", model);
        if (idempotencyKey != null) {
            body.put("idempotencyKey", idempotencyKey);
        }
        return body;
    }

    JsonNode awaitStatus(UUID requestId, String status) {
        return Awaitility.await("request " + requestId + " " + status)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Pipeline.Response response = pipeline.get("/api/requests/" + requestId);
                    return response.status() == 200 ? response.json() : null;
                }, json -> json != null && json.path("status").asString().equals(status));
    }

    static void assertProblem(Pipeline.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.has("type")).as("type in %s", response.body()).isTrue();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String keyHash(String personaKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(personaKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
