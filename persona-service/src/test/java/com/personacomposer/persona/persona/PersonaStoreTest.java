package com.personacomposer.persona.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.testing.MemoryMongo;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personas collection on the devstack's Mongo server in memory. */
class PersonaStoreTest {

    private static final MemoryMongo mongo = new MemoryMongo();
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private PersonaStore store;

    @BeforeEach
    void setUp() {
        store = new PersonaStore(mongo.database());
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
        assertThat(persona.images()).containsExactly(image);
        assertThat(persona.createdAt()).isEqualTo(T0);
        assertThat(persona.updatedAt()).isEqualTo(T0);
    }

    @Test
    void imagesStayInTheOrderTheyWereAppended() throws Exception {
        add("Grace Hopper", image("r1", T0));
        add("GRACE  hopper", image("r2", T0.plusSeconds(60)));

        Persona persona = store.findBySlug("grace-hopper").orElseThrow();
        assertThat(persona.name()).isEqualTo("Grace Hopper");
        assertThat(persona.images()).extracting(PersonaImage::requestId).containsExactly("r1", "r2");
        assertThat(persona.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void imagesAppendedOutOfTimeOrderAreReadOldestFirstAndNeverMoveTheTimestampsBackwards() throws Exception {
        add("Late Lou", image("r2", T0.plusSeconds(5)));
        add("Late Lou", image("r1", T0));

        Persona persona = store.findBySlug("late-lou").orElseThrow();
        assertThat(persona.images()).extracting(PersonaImage::requestId).containsExactly("r1", "r2");
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

        assertThat(store.list(".", 0, 10).items()).extracting(Persona::key).containsExactly("a.b");
        assertThat(store.list(".*", 0, 10).items()).isEmpty();
        assertThat(store.list("{\"$gt\":\"\"}", 0, 10).items()).extracting(Persona::key)
                .containsExactly("{\"$gt\":\"\"}");
        assertThat(store.list("\\e", 0, 10).items()).isEmpty();
        assertThat(store.list("x", 0, 10).items()).extracting(Persona::key).containsExactly("axb");
    }

    @Test
    void pagesGoFromTheMostRecentlyUpdated() throws Exception {
        add("one", image("r1", T0));
        add("two", image("r2", T0.plusSeconds(1)));
        add("three", image("r3", T0.plusSeconds(2)));
        add("one", image("r4", T0.plusSeconds(3)));

        PersonaStore.PersonaSlice first = store.list("", 0, 2);
        PersonaStore.PersonaSlice second = store.list("", 1, 2);
        PersonaStore.PersonaSlice beyond = store.list("", 5, 2);

        assertThat(first.items()).extracting(Persona::key).containsExactly("one", "three");
        assertThat(second.items()).extracting(Persona::key).containsExactly("two");
        assertThat(beyond.items()).isEmpty();
        assertThat(first.total()).isEqualTo(3);
        assertThat(beyond.total()).isEqualTo(3);
    }

    @Test
    void votesCountOnTheVotedImageOnly() throws Exception {
        PersonaImage first = image("r1", T0);
        PersonaImage second = image("r2", T0);
        add("Voter", first);
        add("Voter", second);

        store.vote("voter", second.id(), VoteDirection.UP);
        PersonaImage afterDown = store.vote("voter", second.id(), VoteDirection.DOWN).orElseThrow();

        assertThat(afterDown.upvotes()).isEqualTo(2);
        assertThat(afterDown.downvotes()).isEqualTo(1);
        assertThat(store.findBySlug("voter").orElseThrow().images().get(0).upvotes()).isEqualTo(1);
        assertThat(store.vote("voter", "no-such-image", VoteDirection.UP)).isEmpty();
        assertThat(store.vote("nobody", first.id(), VoteDirection.UP)).isEmpty();
    }

    private void add(String rawName, PersonaImage image) throws SlugTakenException {
        PersonaName name = PersonaName.of(rawName);
        store.append(name.key(), name.slug(), name.displayName(), image);
    }

    private static PersonaImage image(String requestId, Instant createdAt) {
        return PersonaImage.first(UUID.nameUUIDFromBytes(requestId.getBytes()).toString(), requestId,
                "persona-generations/x/" + requestId + ".png", "image/png", "local", "desc", "neutral", "Motto.",
                null, createdAt);
    }
}
