package com.personacomposer.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each image read names its creator (by the name others see, never the principal id), tells the caller whether it is
 * theirs, and shows the caller's own vote, on the persona and on its image pages.
 */
class OwnVotesIT extends ServiceTestSupport {

    private static final String CREATOR = "user:creator-sub";
    private static final Map<String, String> AS_CREATOR = Map.of("X-Persona-Principal", CREATOR);
    private static final Map<String, String> AS_OTHER = Map.of("X-Persona-Principal", "key:other");
    private static final Map<String, String> AS_ANONYMOUS_CLIENT = Map.of("X-Persona-Voter", "anon:00aa11bb22cc33dd");

    @Test
    void theCreatorSeesTheirImageAndUpVoteAndOthersSeeOnlyTheirOwnVotes() {
        String name = unique("Own Vote Owen");
        PersonaRequested first = createOwnedImage(name, CREATOR);
        createOwnedImage(name, CREATOR);
        String persona = "/api/personas/" + Pipeline.segment(first.slug());
        String imageId = firstImage(persona, Map.of()).path("id").asString();

        assertThat(firstImage(persona, AS_CREATOR).path("createdBy").asString()).isEqualTo(OWNER_NAME);
        assertThat(mine(persona, AS_CREATOR)).containsExactly(true, true);
        assertThat(mine(persona, AS_OTHER)).containsExactly(false, false);
        assertThat(mine(persona, AS_ANONYMOUS_CLIENT)).containsExactly(false, false);
        assertThat(mine(persona, Map.of())).containsExactly(false, false);
        assertThat(myVotes(persona, AS_CREATOR)).containsExactly("up", "up");
        assertThat(myVotes(persona, AS_OTHER)).containsExactly(null, null);
        assertThat(myVotes(persona, Map.of())).as("nobody known: no vote").containsExactly(null, null);

        pipeline.post(persona + "/images/" + imageId + "/votes", Map.of("direction", "down"), AS_OTHER);
        pipeline.post(persona + "/images/" + imageId + "/votes", Map.of("direction", "up"), AS_ANONYMOUS_CLIENT);

        assertThat(myVotes(persona, AS_OTHER)).containsExactly("down", null);
        assertThat(myVotes(persona, AS_ANONYMOUS_CLIENT)).as("open mode's anonymous voter").containsExactly("up", null);
        assertThat(myVotes(persona, Map.of())).containsExactly(null, null);
        assertThat(myVotes(persona, AS_CREATOR)).containsExactly("up", "up");
        assertThat(firstImage(persona, AS_OTHER).path("createdBy").asString())
                .as("everyone sees who made it").isEqualTo(OWNER_NAME);
        assertThat(pipeline.get(persona, AS_OTHER).body()).doesNotContain("creator-sub");
    }

    @Test
    void anAnonymousImageHasNoCreatorAndNobodysVote() {
        PersonaRequested anonymous = createImage(unique("Nobody's Nora"), "", MottoTone.NEUTRAL, "Whose?");
        JsonNode image = firstImage("/api/personas/" + Pipeline.segment(anonymous.slug()), AS_OTHER);

        assertThat(image.has("createdBy")).isTrue();
        assertThat(image.path("createdBy").isNull()).isTrue();
        assertThat(image.path("upvotes").asLong()).isEqualTo(1);
        assertThat(image.path("myVote").isNull()).isTrue();
        assertThat(image.path("mine").asBoolean()).isFalse();
    }

    @Test
    void aCallerWhosePrincipalIsNotAPrincipalIdIsRefusedSoNoOtherKindOfIdCanBeSpelled() {
        PersonaRequested made = createOwnedImage(unique("Spelled Sam"), CREATOR);
        String persona = "/api/personas/" + Pipeline.segment(made.slug());

        for (Map<String, String> caller : List.of(Map.of("X-Persona-Principal", "creator-sub"),
                Map.of("X-Persona-Principal", "anon:00aa11bb22cc33dd"), Map.of("X-Persona-Voter", CREATOR))) {
            Pipeline.Response refused = pipeline.get(persona, caller);
            assertProblem(refused, 400);
        }
    }

    /** Whether each of the persona's images is the caller's own, as the persona answer shows it. */
    private List<Boolean> mine(String persona, Map<String, String> caller) {
        List<Boolean> mine = new ArrayList<>();
        pipeline.get(persona, caller).json().path("images").forEach(image -> mine.add(image.path("mine").asBoolean()));
        return mine;
    }

    private JsonNode firstImage(String persona, Map<String, String> caller) {
        return pipeline.get(persona, caller).json().path("images").get(0);
    }

    /**
     * The caller's votes on the persona's two images, as the persona answer shows them (one image on its first page)
     * followed by the /images page after it; each read must agree with the other.
     */
    private List<String> myVotes(String persona, Map<String, String> caller) {
        JsonNode answer = pipeline.get(persona + "?limit=1", caller).json();
        JsonNode next = pipeline.get(answer.path("nextImages").asString(), caller).json();
        JsonNode whole = pipeline.get(persona + "/images?limit=2", caller).json();
        List<String> paged = new ArrayList<>();
        answer.path("images").forEach(image -> paged.add(vote(image)));
        next.path("items").forEach(image -> paged.add(vote(image)));
        List<String> fromImages = new ArrayList<>();
        whole.path("items").forEach(image -> fromImages.add(vote(image)));
        assertThat(fromImages).as("the /images page agrees with the persona answer").isEqualTo(paged);
        return paged;
    }

    private static String vote(JsonNode image) {
        assertThat(image.has("myVote")).as("myVote in %s", image).isTrue();
        return image.path("myVote").isNull() ? null : image.path("myVote").asString();
    }
}
