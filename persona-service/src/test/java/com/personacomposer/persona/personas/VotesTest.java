package com.personacomposer.persona.personas;

import static com.personacomposer.persona.testing.Started.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.persona.images.ImageStore;
import com.personacomposer.persona.images.ImageUrls;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.images.SignedUrl;
import com.personacomposer.persona.personas.PersonaViews.VoteView;
import com.personacomposer.persona.testing.MemoryMongo;
import com.personacomposer.persona.votes.VoteStore;
import com.personacomposer.persona.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One vote per image and voter: set, changed, withdrawn; the counts follow exactly, also under concurrency. */
class VotesTest {

    private static final MemoryMongo mongo = new MemoryMongo();
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final ImageUrls URLS = (key, download) -> new SignedUrl("https://s3.example/" + key, T0);

    private MongoDatabase database;
    private PersonaQueries queries;
    private PersonaImage image;

    @BeforeEach
    void setUp() throws Exception {
        database = mongo.database();
        ImageStore images = started(new ImageStore(database));
        VoteStore votes = started(new VoteStore(database));
        PersonaStore personas = started(new PersonaStore(database, images, votes));
        queries = new PersonaQueries(personas, images, votes, null, URLS, Clock.fixed(T0, ZoneOffset.UTC));
        image = PersonaImage.first("img-1", "r1", "persona-generations/x/r1.png", "image/png", null, null, "local",
                "", "neutral", "Hi.", null, T0, "user:creator", "Creator");
        personas.append("voted vic", "voted-vic", "Voted Vic", image);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void aNewImageHasItsCreatorsUpvoteAndTheCreatorSeesIt() {
        assertThat(queries.vote("voted-vic", "img-1", "up", "user:creator"))
                .isEqualTo(new VoteView("img-1", 1, 0, "up"));
    }

    @Test
    void votingAgainTheSameWayChangesNothingAndTheOtherWayMovesTheVote() {
        assertThat(queries.vote("voted-vic", "img-1", "up", "alice")).isEqualTo(new VoteView("img-1", 2, 0, "up"));
        assertThat(queries.vote("voted-vic", "img-1", "up", "alice")).isEqualTo(new VoteView("img-1", 2, 0, "up"));
        assertThat(queries.vote("voted-vic", "img-1", "down", "alice"))
                .isEqualTo(new VoteView("img-1", 1, 1, "down"));
        assertThat(queries.withdrawVote("voted-vic", "img-1", "alice")).isEqualTo(new VoteView("img-1", 1, 0, null));
        assertThat(queries.withdrawVote("voted-vic", "img-1", "alice")).isEqualTo(new VoteView("img-1", 1, 0, null));
        assertThat(queries.withdrawVote("voted-vic", "img-1", "user:creator")).isEqualTo(new VoteView("img-1", 0, 0, null));
    }

    @Test
    void anUnknownImageOrPersonaIsNotFound() {
        assertThatThrownBy(() -> queries.vote("voted-vic", "img-9", "up", "alice"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.vote("nobody", "img-1", "up", "alice")).isInstanceOf(NotFoundException.class);
        assertThat(database.getCollection("votes").countDocuments()).isEqualTo(1);
    }

    @Test
    void countsStayExactWhileManyVotersChangeTheirVotesAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int voter = 0; voter < 40; voter++) {
                String name = "voter-" + voter;
                for (int round = 0; round < 5; round++) {
                    int step = (voter + round) % 3;
                    calls.add(() -> {
                        if (step == 0) {
                            queries.vote("voted-vic", "img-1", "up", name);
                        } else if (step == 1) {
                            queries.vote("voted-vic", "img-1", "down", name);
                        } else {
                            queries.withdrawVote("voted-vic", "img-1", name);
                        }
                        return null;
                    });
                }
            }
            for (Future<Void> call : pool.invokeAll(calls)) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }

        var votes = database.getCollection("votes");
        long ups = votes.countDocuments(new Document("imageId", "img-1").append("direction", "up"));
        long downs = votes.countDocuments(new Document("imageId", "img-1").append("direction", "down"));
        Document counted = database.getCollection(ImageStore.COLLECTION).find(new Document("_id", "img-1")).first();
        assertThat(counted.get("upvotes", Number.class).longValue()).isEqualTo(ups);
        assertThat(counted.get("downvotes", Number.class).longValue()).isEqualTo(downs);
    }
}
