package com.personacomposer.persona.persona;

import java.time.Instant;
import java.util.List;

/** What the read API answers: views of personas with presigned image URLs, never the stored documents. */
public final class PersonaViews {

    private PersonaViews() {
    }

    public record PersonaView(String name, String slug, Instant createdAt, Instant updatedAt, List<ImageView> images) {
    }

    record ImageView(String id, String requestId, String url, Instant urlExpiresAt, String model, String description,
                     String mottoTone, String motto, long upvotes, long downvotes, Instant createdAt) {
    }

    record PersonaPage(List<PersonaSummary> items, int page, int size, long total) {
    }

    record PersonaSummary(String name, String slug, String motto, String mottoTone, int imageCount, String coverUrl,
                          Instant updatedAt) {
    }

    record VoteView(String imageId, long upvotes, long downvotes) {
    }

    static PersonaView view(Persona persona, ImageUrls urls) {
        return new PersonaView(persona.name(), persona.slug(), persona.createdAt(), persona.updatedAt(),
                persona.images().stream().map(image -> view(image, urls)).toList());
    }

    static ImageView view(PersonaImage image, ImageUrls urls) {
        SignedUrl url = urls.sign(image.s3Key());
        return new ImageView(image.id(), image.requestId(), url.url(), url.expiresAt(), image.model(),
                image.description(), image.mottoTone(), image.motto(), image.upvotes(), image.downvotes(),
                image.createdAt());
    }

    /** The summary shows the newest image: its motto, tone and picture. */
    static PersonaSummary summary(Persona persona, ImageUrls urls) {
        PersonaImage newest = persona.newestImage();
        return new PersonaSummary(persona.name(), persona.slug(),
                newest == null ? null : newest.motto(),
                newest == null ? null : newest.mottoTone(),
                persona.images().size(),
                newest == null ? null : urls.sign(newest.s3Key()).url(),
                persona.updatedAt());
    }

    static VoteView vote(PersonaImage image) {
        return new VoteView(image.id(), image.upvotes(), image.downvotes());
    }
}
