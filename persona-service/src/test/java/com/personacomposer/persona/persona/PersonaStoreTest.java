package com.personacomposer.persona.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.testing.MemoryMongo;
import java.time.Instant;
import java.util.UUID;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personas collection on the devstack's Mongo server in memory. */
class PersonaStoreTest {

    private static final MemoryMongo mongo = new MemoryMongo();
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private MongoDatabase database;
    private ImageStore images;
    private PersonaStore store;

    @BeforeEach
    void setUp() {
        database = mongo.database();
        images = new ImageStore(database);
        store = new PersonaStore(database, images, new VoteStore(database));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void appendingTheSameRequestTwiceKeepsOnePersonaWithOneImage() throws Exception {
        PersonaImage image = image("r1", T0);

        add("Ada Lovelace", image);
        add("Ada Lovelace", image);

        Persona persona = store.findBySlug("ada-lovelace").orElseThrow();
        assertThat(images.page("ada lovelace", null, 10)).containsExactly(image);
        assertThat(persona.imageCount()).isEqualTo(1);
        assertThat(persona.createdAt()).isEqualTo(T0);
        assertThat(persona.updatedAt()).isEqualTo(T0);
    }

    @Test
    void imagesStayInTheOrderTheyWereAppended() throws Exception {
        add("Grace Hopper", image("r1", T0));
        add("GRACE  hopper", image("r2", T0.plusSeconds(60)));

        Persona persona = store.findBySlug("grace-hopper").orElseThrow();
        assertThat(persona.name()).isEqualTo("Grace Hopper");
        assertThat(images.page("grace hopper", null, 10)).extracting(PersonaImage::requestId)
                .containsExactly("r1", "r2");
        assertThat(persona.imageCount()).isEqualTo(2);
        assertThat(persona.cover().imageId()).isEqualTo(image("r2", T0).id());
        assertThat(persona.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void imagesAppendedOutOfTimeOrderAreReadOldestFirstAndNeverMoveTheTimestampsBackwards() throws Exception {
        add("Late Lou", image("r2", T0.plusSeconds(5)));
        add("Late Lou", image("r1", T0));

        Persona persona = store.findBySlug("late-lou").orElseThrow();
        assertThat(images.page("late lou", null, 10)).extracting(PersonaImage::requestId).containsExactly("r1", "r2");
        assertThat(persona.imageCount()).isEqualTo(2);
        assertThat(persona.cover()).isEqualTo(new Persona.Cover(image("r2", T0).id(),
                "persona-generations/x/r2.png", "persona-generations/x/r2.thumb.jpg", "Motto.", "neutral"));
        assertThat(persona.createdAt()).isEqualTo(T0);
        assertThat(persona.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aSlugTakenByAnotherKeyIsRefused() throws Exception {
        add("Ada Lovelace", image("r1", T0));

        assertThatThrownBy(() -> store.append("someone else", "ada-lovelace", "Someone Else", image("r2", T0)))
                .isInstanceOf(SlugTakenException.class)
                .hasMessageContaining("ada-lovelace");
    }

    @Test
    void searchTakesTheQueryLiterally() throws Exception {
        add("a.b", image("r1", T0));
        add("axb", image("r2", T0));
        add("{\"$gt\":\"\"}", image("r3", T0));

        assertThat(store.list(".", null, 0, 10).items()).extracting(Persona::key).containsExactly("a.b");
        assertThat(store.list(".*", null, 0, 10).items()).isEmpty();
        assertThat(store.list("{\"$gt\":\"\"}", null, 0, 10).items()).extracting(Persona::key)
                .containsExactly("{\"$gt\":\"\"}");
        assertThat(store.list("\\e", null, 0, 10).items()).isEmpty();
        assertThat(store.list("x", null, 0, 10).items()).extracting(Persona::key).containsExactly("axb");
    }

    @Test
    void pagesGoFromTheMostRecentlyUpdated() throws Exception {
        add("one", image("r1", T0));
        add("two", image("r2", T0.plusSeconds(1)));
        add("three", image("r3", T0.plusSeconds(2)));
        add("one", image("r4", T0.plusSeconds(3)));

        PersonaStore.PersonaSlice first = store.list("", null, 0, 2);
        PersonaStore.PersonaSlice second = store.list("", null, 1, 2);
        PersonaStore.PersonaSlice beyond = store.list("", null, 5, 2);

        assertThat(first.items()).extracting(Persona::key).containsExactly("one", "three");
        assertThat(second.items()).extracting(Persona::key).containsExactly("two");
        assertThat(beyond.items()).isEmpty();
        assertThat(first.more()).isTrue();
        assertThat(second.more()).isFalse();
        assertThat(beyond.more()).isFalse();
    }

    @Test
    void pagingByCursorNeitherSkipsNorRepeatsWhileImagesAreAppended() throws Exception {
        for (int i = 0; i < 5; i++) {
            add("Pager", image("r" + i, T0.plusSeconds(i)));
        }
        // Two images in one millisecond are ordered by id.
        add("Pager", image("same-a", T0.plusSeconds(5)));
        add("Pager", image("same-b", T0.plusSeconds(5)));

        List<PersonaImage> seen = new ArrayList<>(images.page("pager", null, 3));
        add("Pager", image("late-1", T0.plusSeconds(10)));
        seen.addAll(images.page("pager", seen.get(seen.size() - 1), 3));
        add("Pager", image("late-2", T0.plusSeconds(11)));
        for (List<PersonaImage> page = images.page("pager", seen.get(seen.size() - 1), 3); !page.isEmpty();
             page = images.page("pager", seen.get(seen.size() - 1), 3)) {
            seen.addAll(page);
        }

        List<String> sameMillisecond = java.util.stream.Stream.of("same-a", "same-b")
                .map(r -> image(r, T0).id()).sorted().toList();
        assertThat(seen).extracting(PersonaImage::id).containsExactly(
                image("r0", T0).id(), image("r1", T0).id(), image("r2", T0).id(), image("r3", T0).id(),
                image("r4", T0).id(), sameMillisecond.get(0), sameMillisecond.get(1), image("late-1", T0).id(),
                image("late-2", T0).id());
        assertThat(store.findBySlug("pager").orElseThrow().imageCount()).isEqualTo(9);
    }

    @Test
    void anImageWithoutAThumbnailKeyGetsTheConventionalOne() throws Exception {
        add("Thumbless", image("r1", T0));
        database.getCollection(ImageStore.COLLECTION)
                .updateOne(new Document("requestId", "r1"), new Document("$set", new Document("thumbnailKey", null)
                        .append("thumbnailContentType", null)));

        assertThat(images.page("thumbless", null, 1)).singleElement().satisfies(image -> {
            assertThat(image.thumbnailKey()).isEqualTo("persona-generations/x/r1.thumb.jpg");
            assertThat(image.thumbnailContentType()).isEqualTo("image/jpeg");
        });
    }

    private void add(String rawName, PersonaImage image) throws SlugTakenException {
        PersonaName name = PersonaName.of(rawName);
        store.append(name.key(), name.slug(), name.displayName(), image);
    }

    private static PersonaImage image(String requestId, Instant createdAt) {
        return PersonaImage.first(UUID.nameUUIDFromBytes(requestId.getBytes()).toString(), requestId,
                "persona-generations/x/" + requestId + ".png", "image/png", null, null, "local", "desc", "neutral", "Motto.",
                null, createdAt, "user:creator-" + requestId, "Creator " + requestId);
    }
}
