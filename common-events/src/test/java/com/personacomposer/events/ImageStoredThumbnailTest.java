package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The thumbnail fields of ImageStored: added within schema version 1, so events with and without them parse. */
class ImageStoredThumbnailTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FOLDER = "persona-generations/5f1b0e2c9a7d3e41/";
    private static final ImageStored WITH_THUMBNAIL = new ImageStored(
            UUID.fromString("00000000-0000-4000-8000-000000000007"), Instant.parse("2026-12-06T04:10:00Z"),
            EventSamples.REQUEST_ID, EventSamples.KEY, ImageModel.DALL_E,
            FOLDER + EventSamples.REQUEST_ID + ".webp", "image/webp", 48213, null,
            FOLDER + EventSamples.REQUEST_ID + ".thumb.jpg", "image/jpeg");

    @Test
    void committedSampleWithAThumbnailStillDeserialises() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/ImageStored.v1.thumbnail.json")) {
            assertThat(in).isNotNull();

            assertThat(EventCodec.fromJson(in.readAllBytes())).isEqualTo(WITH_THUMBNAIL);
        }
    }

    @Test
    void anEventWrittenBeforeThumbnailsHasNone() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/ImageStored.v1.json")) {
            ImageStored old = (ImageStored) EventCodec.fromJson(in.readAllBytes());

            assertThat(old.thumbnailKey()).isNull();
            assertThat(old.thumbnailContentType()).isNull();
        }
    }

    @Test
    void anEventWithAThumbnailValidatesAgainstTheSchema() {
        JsonNode json = JSON.readTree(EventCodec.toJson(WITH_THUMBNAIL));

        assertThat(json.path("thumbnailKey").asString()).endsWith(".thumb.jpg");
        assertThat(schema().validate(json)).isEmpty();
    }

    @Test
    void schemaRejectsAThumbnailThatIsNotAJpegBesideTheImage() {
        ObjectNode json = (ObjectNode) JSON.readTree(EventCodec.toJson(WITH_THUMBNAIL));
        json.put("thumbnailKey", "elsewhere/thumb.png");
        json.put("thumbnailContentType", "image/png");

        assertThat(schema().validate(json)).hasSize(2);
    }

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(
                                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(ImageStoredThumbnailTest.class.getResourceAsStream("/schemas/ImageStored.v1.json"));
    }
}
