package com.personacomposer.persona.personas;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.persona.images.ImageUrls;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.images.SignedUrl;
import com.personacomposer.persona.personas.PersonaViews.ImagePage;
import com.personacomposer.persona.personas.PersonaViews.ImageView;
import com.personacomposer.persona.personas.PersonaViews.PersonaSummary;
import com.personacomposer.persona.votes.VoteDirection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonaViewsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2025-03-01T11:00:00Z");
    private static final ImageUrls URLS = (key, download) -> new SignedUrl("https://s3.example/" + key + "?sig", EXPIRES);

    private final PersonaImage older = new PersonaImage("i1", "r1", "k1.png", "image/png", "k1.thumb.jpg",
            "image/jpeg", "local", "first", "neutral", "Old motto.", "revised", 3, 1, T0, "user:alice-sub", "Alice");
    private final PersonaImage newer = new PersonaImage("i2", "r2", "k2.webp", "image/webp", "k2.thumb.jpg",
            "image/jpeg", "dall-e", "second", "sombre", "New motto.", null, 1, 0, T0.plusSeconds(60), null, null);
    private final Persona persona = new Persona("zoë", "zoë", "Zoë", T0, T0.plusSeconds(60), 2,
            new Persona.Cover("i2", "k2.webp", "k2.thumb.jpg", "New motto.", "sombre"));

    @Test
    void aPersonaShowsItsFirstPageOldestFirstWithSignedUrlsThumbnailsCreatorsAndTheCallersVotes() {
        PersonaView view = PersonaViews.view(persona, List.of(older, newer), 3, URLS, "user:alice-sub",
                Map.of("i1", VoteDirection.DOWN));

        assertThat(view.name()).isEqualTo("Zoë");
        assertThat(view.slug()).isEqualTo("zoë");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(view.imageCount()).isEqualTo(2);
        assertThat(view.motto()).as("the newest image's").isEqualTo("New motto.");
        assertThat(view.coverImageId()).isEqualTo("i2");
        assertThat(view.nextImages()).isNull();
        assertThat(view.images()).containsExactly(
                new ImageView("i1", "r1", "https://s3.example/k1.png?sig", EXPIRES,
                        "https://s3.example/k1.thumb.jpg?sig", "https://s3.example/k1.thumb2x.jpg?sig", "local", "first", "neutral", "Old motto.", 3, 1, T0,
                        "Alice", true, "down"),
                new ImageView("i2", "r2", "https://s3.example/k2.webp?sig", EXPIRES,
                        "https://s3.example/k2.thumb.jpg?sig", "https://s3.example/k2.thumb2x.jpg?sig", "dall-e", "second", "sombre", "New motto.", 1, 0,
                        T0.plusSeconds(60), null, false, null));
    }

    @Test
    void aFullPageLinksTheNextOneAfterItsLastImageAndPresignsOnlyItsOwnImages() {
        java.util.List<String> signed = new java.util.ArrayList<>();
        ImageUrls counting = (key, download) -> {
            signed.add(key);
            return URLS.sign(key);
        };

        ImagePage page = PersonaViews.page("zoë", List.of(older), 1, counting, null, Map.of());

        assertThat(page.items()).extracting(ImageView::id).containsExactly("i1");
        assertThat(page.next()).isEqualTo("/api/personas/zo%C3%AB/images?after=i1&limit=1");
        assertThat(signed).containsExactly("k1.png", "k1.thumb.jpg", "k1.thumb2x.jpg");
    }

    @Test
    void theAnswerHasTheSameShapeWhetherMoreImagesFollowAFullPageOrNot() {
        Persona withTwo = persona;
        Persona withMany = new Persona("zoë", "zoë", "Zoë", T0, T0.plusSeconds(60), 5_000, persona.cover());

        PersonaView last = PersonaViews.view(withTwo, List.of(older, newer), 2, URLS, null, Map.of());
        PersonaView more = PersonaViews.view(withMany, List.of(older, newer), 2, URLS, null, Map.of());

        assertThat(last.nextImages()).isEqualTo("/api/personas/zo%C3%AB/images?after=i2&limit=2")
                .isEqualTo(more.nextImages());
        assertThat(last.images()).isEqualTo(more.images());
    }

    @Test
    void aSummaryShowsTheNewestImageByItsThumbnail() {
        PersonaSummary summary = PersonaViews.summary(persona, URLS);

        assertThat(summary).isEqualTo(new PersonaSummary("Zoë", "zoë", "New motto.", "sombre", 2,
                "https://s3.example/k2.thumb.jpg?sig", "https://s3.example/k2.thumb2x.jpg?sig", T0.plusSeconds(60)));
    }
}
