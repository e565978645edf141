package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * {@code bench growth} writes personas straight into persona-service's collections (100,000 through the API would take
 * hours). Whatever it writes, the packaged persona-service must read as personas it made itself: here the benchmark
 * seeds a fresh database and persona-service's own read API answers from it. A change of persona-service's document
 * layout that the seeder does not follow fails this test.
 */
@Order(11)
@ExtendWith(DevStackExtension.class)
class GrowthSeedContractIT {

    private static final Path JAR = Path.of("..", "bench", "target", "bench.jar");
    private static final String MOTTO = "Growth is measured, not guessed.";

    @Test
    void personaServiceReadsTheSeedAsItsOwnPersonas(Infrastructure infra) throws Exception {
        String database = "growth-seed-" + UUID.randomUUID();
        // Its listeners stay stopped: on the shared broker they would join the running system's consumer group and
        // assemble that system's requests into this database.
        try (ServiceProcesses persona = ServiceProcesses.startOnly("growth-seed", infra,
                Map.of("MONGODB_DB", database, "SPRING_KAFKA_LISTENER_AUTO_STARTUP", "false"), List.of("persona-service"))) {
            Api api = new Api(persona.url("persona-service"));
            JsonNode figures = seed(infra, database, persona.url("persona-service"));
            List<String> failures = new ArrayList<>();
            figures.properties().forEach(figure -> {
                if (figure.getKey().endsWith(".failures") && figure.getValue().asInt() != 0) {
                    failures.add(figure.getKey());
                }
            });
            assertThat(failures).as("readings answered other than 200").isEmpty();

            // The list's first page is the gallery, newest first, each persona with its one image as cover.
            JsonNode gallery = api.get("/api/personas?page=0&size=20").body().get("items");
            assertThat(gallery).hasSize(20);
            assertThat(gallery.get(0).get("name").asString()).isEqualTo("Bench Gallery 19");
            assertThat(gallery.get(19).get("name").asString()).isEqualTo("Bench Gallery 00");
            for (JsonNode item : gallery) {
                assertThat(item.get("imageCount").asLong()).isEqualTo(1);
                assertThat(item.get("motto").asString()).isEqualTo(MOTTO);
                assertThat(item.get("mottoTone").asString()).isEqualTo("neutral");
                assertThat(item.get("coverUrl").asString()).contains("/" + item.get("slug").asString() + "/", ".thumb.jpg");
            }

            // A name search finds every 40th list persona, newest first.
            JsonNode amber = api.get("/api/personas?page=0&size=20&q=amber").body().get("items");
            assertThat(amber).extracting(item -> item.get("name").asString())
                    .containsExactly("Bench Amber 000000", "Bench Amber 000040");

            // A persona's page holds its images oldest first; the next page follows the first image.
            JsonNode threeImages = api.get("/api/personas/bench-images-000003").body();
            assertThat(threeImages.get("name").asString()).isEqualTo("Bench Images 000003");
            assertThat(threeImages.get("imageCount").asLong()).isEqualTo(3);
            JsonNode images = threeImages.get("images");
            assertThat(images).hasSize(3);
            assertThat(images).extracting(image -> image.get("createdAt").asString()).isSorted().doesNotHaveDuplicates();
            for (JsonNode image : images) {
                assertThat(image.get("model").asString()).isEqualTo("local");
                assertThat(image.get("motto").asString()).isEqualTo(MOTTO);
                assertThat(image.get("upvotes").asLong()).isEqualTo(1);
                assertThat(image.get("downvotes").asLong()).isZero();
                assertThat(image.get("url").asString()).contains(image.get("requestId").asString() + ".png");
            }
            JsonNode after = api.get("/api/personas/bench-images-000003/images?limit=1&after="
                    + images.get(0).get("id").asString()).body().get("items");
            assertThat(after).extracting(image -> image.get("id").asString())
                    .containsExactly(images.get(1).get("id").asString());

            // The gallery's originals are where persona-service presigns them.
            String original = api.get("/api/personas/bench-gallery-19").body().get("images").get(0).get("url").asString();
            byte[] png = Api.fetch(original).body();
            assertThat(Arrays.copyOf(png, 4)).containsExactly((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    /** Runs the packaged benchmark's growth scenario, small, against persona-service; its figures. */
    private static JsonNode seed(Infrastructure infra, String database, String personaService) throws Exception {
        Path output = Files.createTempFile("growth-", ".json");
        Path log = Files.createTempFile("growth-", ".log");
        Process bench = new ProcessBuilder(List.of(
                ServiceProcesses.JAVA, "-jar", JAR.toString(), "growth",
                "--base-url", personaService, "--mongo-uri", infra.mongoUri(), "--mongo-db", database,
                "--s3-endpoint", infra.s3Endpoint(), "--personas", "45", "--images", "1,3", "--samples", "2",
                "--warmup-samples", "0", "--output", output.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(bench.waitFor(180, TimeUnit.SECONDS)).as("bench growth finishes").isTrue();
        assertThat(bench.exitValue()).as(Files.readString(log)).isZero();
        return Api.JSON.readTree(Files.readString(output));
    }
}
