package com.personacomposer.persona.personas;

import com.personacomposer.persona.images.ImageUrls;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.images.SignedUrl;
import com.personacomposer.persona.images.Thumbnails;
import com.personacomposer.persona.votes.VoteDirection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/** What the read API answers: views of personas with presigned image URLs, never the stored documents. */
final class PersonaViews {

    private PersonaViews() {
    }

    /**
     * {@code thumbnailUrl} and {@code thumbnail2xUrl}: the image at most 256 and 512 px on its longer side (a page
     * offers both, for screens of one and of two or more device pixels per CSS pixel);
     * {@code createdBy}: the name of who made the image, as others see it (their display name, never their principal
     * id; null: made anonymously, or before names were kept); {@code mine}: whether the caller made it;
     * {@code myVote}: the caller's vote on it, up, down or null (also when the caller is unknown).
     */
    record ImageView(String id, String requestId, String url, Instant urlExpiresAt, String thumbnailUrl,
                     String thumbnail2xUrl, String model, String description, String mottoTone, String motto, long upvotes, long downvotes,
                     Instant createdAt, String createdBy, boolean mine, String myVote) {
    }

    /** A page of a persona's images; {@code next} is the relative URL of the following page when this one is full. */
    record ImagePage(List<ImageView> items, String next) {
    }

    /** A page of the persona list; {@code next} is the relative URL of the following page, null after the last. */
    record PersonaPage(List<PersonaSummary> items, int page, int size, String next) {
    }

    /** {@code coverUrl} and {@code cover2xUrl}: the newest image's thumbnails (256 and 512 px). */
    record PersonaSummary(String name, String slug, String motto, String mottoTone, long imageCount, String coverUrl,
                          String cover2xUrl, Instant updatedAt) {
    }

    /** An image's counts after a vote, and the caller's vote on it (up, down or null). */
    record VoteView(String imageId, long upvotes, long downvotes, String myVote) {
    }

    /**
     * {@code images} is a page of up to {@code limit} images. A full page links to the next one (which is empty when
     * the persona has no more), so the answer's shape and size depend on the page, not on how many images follow.
     * {@code caller}: the caller's principal or anonymous voter id (null: unknown); {@code myVotes}: the caller's
     * votes by image id (images without one are absent).
     */
    static PersonaView view(Persona persona, List<PersonaImage> images, int limit, ImageUrls urls, String caller,
                            Map<String, VoteDirection> myVotes) {
        ImagePage page = page(persona.slug(), images, limit, urls, caller, myVotes);
        Persona.Cover cover = persona.cover();
        return new PersonaView(persona.name(), persona.slug(), persona.createdAt(), persona.updatedAt(),
                persona.imageCount(), cover == null ? null : cover.motto(), cover == null ? null : cover.imageId(),
                page.items(), page.next());
    }

    /** Same reading of {@code images}, {@code caller} and {@code myVotes} as {@link #view}. */
    static ImagePage page(String slug, List<PersonaImage> images, int limit, ImageUrls urls, String caller,
                          Map<String, VoteDirection> myVotes) {
        String next = images.size() == limit ? nextPage(slug, images.get(limit - 1).id(), limit) : null;
        return new ImagePage(images.stream()
                .map(image -> view(image, urls, caller, Optional.ofNullable(myVotes.get(image.id())))).toList(), next);
    }

    static String nextPage(String slug, String afterImageId, int limit) {
        return "/api/personas/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8) + "/images?after="
                + UriUtils.encodeQueryParam(afterImageId, StandardCharsets.UTF_8) + "&limit=" + limit;
    }

    static String nextListPage(String q, boolean mine, int page, int size) {
        String query = q == null || q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
        return "/api/personas?" + query + (mine ? "createdBy=me&" : "") + "page=" + (page + 1) + "&size=" + size;
    }

    /** An anonymous voter's id never equals a creator's (anon: against user:/key:): only a principal's images are its own. */
    static ImageView view(PersonaImage image, ImageUrls urls, String caller, Optional<VoteDirection> myVote) {
        SignedUrl url = urls.sign(image.s3Key());
        boolean mine = caller != null && caller.equals(image.createdBy());
        return new ImageView(image.id(), image.requestId(), url.url(), url.expiresAt(),
                urls.sign(image.thumbnailKey()).url(), urls.sign(Thumbnails.doubleSizeKeyOf(image.s3Key())).url(),
                image.model(), image.description(), image.mottoTone(),
                image.motto(), image.upvotes(), image.downvotes(), image.createdAt(), image.createdByName(), mine,
                myVote.map(VoteDirection::id).orElse(null));
    }

    /** The summary shows the newest image: its motto, tone and thumbnails. */
    static PersonaSummary summary(Persona persona, ImageUrls urls) {
        Persona.Cover cover = persona.cover();
        return new PersonaSummary(persona.name(), persona.slug(),
                cover == null ? null : cover.motto(),
                cover == null ? null : cover.mottoTone(),
                persona.imageCount(),
                cover == null || cover.thumbnailKey() == null ? null : urls.sign(cover.thumbnailKey()).url(),
                cover == null || cover.s3Key() == null ? null
                        : urls.sign(Thumbnails.doubleSizeKeyOf(cover.s3Key())).url(),
                persona.updatedAt());
    }

    /**
     * The name a download of the image is saved under: the persona's slug and the image's id, with the original's
     * extension ({@code zoë-o-brien-1a2b3c4d-6f1c2a4e.png}).
     */
    static String downloadName(String slug, PersonaImage image) {
        String key = image.s3Key();
        int dot = key.lastIndexOf('.');
        String extension = dot > key.lastIndexOf('/') ? key.substring(dot) : "";
        String shortId = image.id().length() > 8 ? image.id().substring(0, 8) : image.id();
        return slug + "-" + shortId + extension;
    }

    static VoteView vote(PersonaImage image, Optional<VoteDirection> myVote) {
        return new VoteView(image.id(), image.upvotes(), image.downvotes(), myVote.map(VoteDirection::id).orElse(null));
    }
}
