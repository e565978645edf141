package com.personacomposer.persona.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.persona.testing.MemoryMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personas holding their images in an array (the earlier layout) move to the images collection at start-up. */
class EmbeddedImagesMigrationTest {

    private static final MemoryMongo mongo = new MemoryMongo();
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        database = mongo.database();
        database.getCollection("personas").insertMany(List.of(
                oldPersona("ada lovelace", "ada-lovelace", "Ada Lovelace", 3),
                oldPersona("grace hopper", "grace-hopper", "Grace Hopper", 1)));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void movesEveryImageOutOfItsPersonaAndKeepsWhatTheApiShows() {
        int migrated = migration().migrate();

        assertThat(migrated).isEqualTo(2);
        assertNewLayout();
        PersonaImage first = new ImageStore(database).page("ada lovelace", null, 1).get(0);
        assertThat(first).isEqualTo(new PersonaImage("ada lovelace-0", "ada lovelace-r0",
                "persona-generations/h/ada lovelace-r0.png", "image/png",
                "persona-generations/h/ada lovelace-r0.thumb.jpg", "image/jpeg", "dall-e", "desc 0", "sombre",
                "Motto 0.", "revised 0", 4, 2, T0, null, null));
    }

    @Test
    void runningItAgainChangesNothing() {
        migration().migrate();

        assertThat(migration().migrate()).isZero();
        assertNewLayout();
    }

    @Test
    void twoReplicasMigratingAtOnceMakeTheSameResult() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> starts = List.of(() -> migration().migrate(), () -> migration().migrate());
            List<Integer> changed = new ArrayList<>();
            for (Future<Integer> start : replicas.invokeAll(starts)) {
                changed.add(start.get());
            }
            assertThat(changed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        } finally {
            replicas.shutdown();
        }
        assertNewLayout();
    }

    private void assertNewLayout() {
        assertThat(database.getCollection("personas").countDocuments(new Document("images",
                new Document("$exists", true)))).isZero();
        assertThat(database.getCollection("images").countDocuments()).isEqualTo(4);
        PersonaStore personas = new PersonaStore(database, new ImageStore(database), new VoteStore(database));
        Persona ada = personas.findBySlug("ada-lovelace").orElseThrow();
        assertThat(ada.imageCount()).isEqualTo(3);
        assertThat(ada.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(ada.cover()).isEqualTo(new Persona.Cover("ada lovelace-2",
                "persona-generations/h/ada lovelace-r2.png", "persona-generations/h/ada lovelace-r2.thumb.jpg",
                "Motto 2.", "sombre"));
        assertThat(new ImageStore(database).page("ada lovelace", null, 10)).extracting(PersonaImage::id)
                .containsExactly("ada lovelace-0", "ada lovelace-1", "ada lovelace-2");
        assertThat(personas.findBySlug("grace-hopper").orElseThrow().imageCount()).isEqualTo(1);
    }

    private EmbeddedImagesMigration migration() {
        return new EmbeddedImagesMigration(database, new ImageStore(database));
    }

    /** A persona as the earlier layout stored it, images in append order inside. */
    private static Document oldPersona(String key, String slug, String name, int imageCount) {
        List<Document> images = new ArrayList<>();
        for (int i = 0; i < imageCount; i++) {
            images.add(new Document("id", key + "-" + i)
                    .append("requestId", key + "-r" + i)
                    .append("s3Key", "persona-generations/h/" + key + "-r" + i + ".png")
                    .append("contentType", "image/png")
                    .append("model", "dall-e")
                    .append("description", "desc " + i)
                    .append("mottoTone", "sombre")
                    .append("motto", "Motto " + i + ".")
                    .append("revisedPrompt", "revised " + i)
                    .append("upvotes", 4)
                    .append("downvotes", 2)
                    .append("createdAt", Date.from(T0.plusSeconds(i))));
        }
        return new Document("key", key).append("slug", slug).append("name", name)
                .append("createdAt", Date.from(T0))
                .append("updatedAt", Date.from(T0.plusSeconds(imageCount - 1)))
                .append("images", images);
    }
}
