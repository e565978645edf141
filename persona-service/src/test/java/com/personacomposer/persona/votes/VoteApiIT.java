package com.personacomposer.persona.votes;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.persona.testing.Pipeline;
import com.personacomposer.persona.testing.ServiceTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Votes on images over HTTP: one per voter, changed or withdrawn, and the refusals. */
class VoteApiIT extends ServiceTestSupport {

    @Test
    void eachVoterHasOneVoteThatCanBeChangedOrWithdrawn() {
        PersonaRequested requested = createImage(unique("Voted Vera"), "", MottoTone.NEUTRAL, "Count me.");
        String slug = Pipeline.segment(requested.slug());
        String imageId = pipeline.get("/api/personas/" + slug).json().path("images").get(0).path("id").asString();
        String votes = "/api/personas/" + slug + "/images/" + imageId + "/votes";
        Map<String, String> alice = Map.of("X-Persona-Principal", "user:alice-sub");
        Map<String, String> anonymousClient = Map.of("X-Persona-Voter", "anon:0123456789abcdef");

        pipeline.post(votes, Map.of("direction", "up"), alice);
        pipeline.post(votes, Map.of("direction", "up"), alice);
        pipeline.post(votes, Map.of("direction", "up"), anonymousClient);
        Pipeline.Response moved = pipeline.post(votes, Map.of("direction", "down"), alice);

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json()).isEqualTo(Pipeline.JSON.readTree(
                "{\"imageId\":\"" + imageId + "\",\"upvotes\":2,\"downvotes\":1,\"myVote\":\"down\"}"));
        JsonNode image = pipeline.get("/api/personas/" + slug).json().path("images").get(0);
        assertThat(image.path("upvotes").asLong()).isEqualTo(2);
        assertThat(image.path("downvotes").asLong()).isEqualTo(1);
        Pipeline.Response withdrawn = pipeline.delete(votes, alice);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("downvotes").asLong()).isZero();
        assertThat(withdrawn.json().path("myVote").isNull()).isTrue();

        Pipeline.Response nobody = pipeline.post(votes, Map.of("direction", "up"));
        assertProblem(nobody, 401);
        Pipeline.Response sideways = pipeline.post(votes, Map.of("direction", "sideways"), alice);
        assertProblem(sideways, 400);
        assertThat(sideways.json().path("errors").get(0).path("field").asString()).isEqualTo("direction");
        assertProblem(pipeline.post(votes, Map.of(), alice), 400);
        assertProblem(pipeline.post("/api/personas/" + slug + "/images/" + UUID.randomUUID() + "/votes",
                Map.of("direction", "up"), alice), 404);
        assertProblem(pipeline.post("/api/personas/nobody-" + UUID.randomUUID() + "/images/" + imageId + "/votes",
                Map.of("direction", "up"), alice), 404);
    }
}
