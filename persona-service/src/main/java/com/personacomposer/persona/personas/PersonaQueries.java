package com.personacomposer.persona.personas;

import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.images.ImageObjects;
import com.personacomposer.persona.images.ImageStore;
import com.personacomposer.persona.images.ImageUrls;
import com.personacomposer.persona.images.PersonaImage;
import com.personacomposer.persona.images.SignedUrl;
import com.personacomposer.persona.personas.PersonaViews.ImagePage;
import com.personacomposer.persona.personas.PersonaViews.PersonaPage;
import com.personacomposer.persona.personas.PersonaViews.VoteView;
import com.personacomposer.persona.votes.VoteDirection;
import com.personacomposer.persona.votes.VoteStore;
import com.personacomposer.persona.web.ForbiddenException;
import com.personacomposer.persona.web.InvalidInputException;
import com.personacomposer.persona.web.NotFoundException;
import com.personacomposer.persona.web.UnauthorizedException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Reading personas and their images a page at a time, and voting on images. */
@Service
@RequiredArgsConstructor
public class PersonaQueries {

    /** Images on a persona's first page unless the caller asks for another number. */
    public static final int DEFAULT_IMAGE_LIMIT = 50;

    private final PersonaStore personas;
    private final ImageStore images;
    private final VoteStore votes;
    private final ImageObjects objects;
    private final ImageUrls urls;
    private final Clock clock;

    /** {@code caller}: whose votes and images the images show (principal or anonymous voter id; null: nobody's). */
    PersonaView get(String slug, int limit, String caller) {
        return find(slug, limit, caller).orElseThrow(() -> unknownPersona(slug));
    }

    /** The persona as GET /api/personas/{slug}?limit={limit} serves it to {@code caller} (null: unknown), if there is one. */
    public Optional<PersonaView> find(String slug, int limit, String caller) {
        return personas.findBySlug(slug).map(persona -> {
            List<PersonaImage> page = images.page(persona.key(), null, limit);
            return PersonaViews.view(persona, page, limit, urls, caller, myVotes(caller, page));
        });
    }

    /** The images of the persona after the image {@code afterImageId} (from the first when null). */
    ImagePage images(String slug, String afterImageId, int limit, String caller) {
        Persona persona = personas.findBySlug(slug).orElseThrow(() -> unknownPersona(slug));
        PersonaImage after = null;
        if (afterImageId != null) {
            after = images.find(persona.key(), afterImageId)
                    .orElseThrow(() -> new InvalidInputException("after", "must be the id of an image of this persona"));
        }
        List<PersonaImage> page = images.page(persona.key(), after, limit);
        return PersonaViews.page(slug, page, limit, urls, caller, myVotes(caller, page));
    }

    /** One image of the persona as the caller sees it (their vote, whether it is theirs). */
    PersonaViews.ImageView image(String slug, String imageId, String caller) {
        PersonaImage image = image(slug, imageId);
        Map<String, VoteDirection> myVotes = myVotes(caller, List.of(image));
        return PersonaViews.view(image, urls, caller, Optional.ofNullable(myVotes.get(image.id())));
    }

    /**
     * A fresh presigned URL of the image's original, to display or ({@code download}) to save under
     * {@link PersonaViews#downloadName}: two point reads (the persona by slug, the image by id) and a local signature.
     */
    SignedUrl originalUrl(String slug, String imageId, boolean download) {
        PersonaImage image = image(slug, imageId);
        return urls.sign(image.s3Key(), download ? PersonaViews.downloadName(slug, image) : null);
    }

    /** The caller's votes on the images the page shows, in one query; none without a caller. */
    private Map<String, VoteDirection> myVotes(String caller, List<PersonaImage> page) {
        if (caller == null) {
            return Map.of();
        }
        return votes.directions(caller, page.stream().map(PersonaImage::id).toList());
    }

    /**
     * A page of personas, newest first: {@code q} is matched literally against the canonical names (case and spacing
     * do not matter); with a {@code creator}, only the personas holding images they made (null: all).
     */
    PersonaPage list(String q, String creator, int page, int size) {
        String fragment = q == null ? "" : PersonaName.canonicalKey(q);
        PersonaStore.PersonaSlice slice = personas.list(fragment,
                creator == null ? null : images.personasCreatedBy(creator), page, size);
        return new PersonaPage(slice.items().stream().map(persona -> PersonaViews.summary(persona, urls)).toList(),
                page, size, slice.more() ? PersonaViews.nextListPage(q, creator != null, page, size) : null);
    }

    /** Sets {@code voter}'s one vote on the image: the same way again changes nothing, the other way moves it. */
    VoteView vote(String slug, String imageId, String direction, String voter) {
        VoteDirection way = VoteDirection.fromId(direction)
                .orElseThrow(() -> new InvalidInputException("direction", "must be up or down"));
        PersonaImage image = image(slug, imageId);
        Optional<VoteDirection> before = votes.cast(image.id(), voter, way, clock.instant());
        return recount(image, before, Optional.of(way));
    }

    /** Withdraws {@code voter}'s vote on the image, if any. */
    VoteView withdrawVote(String slug, String imageId, String voter) {
        PersonaImage image = image(slug, imageId);
        Optional<VoteDirection> before = votes.withdraw(image.id(), voter);
        return recount(image, before, Optional.empty());
    }

    /**
     * Deletes the image, its S3 objects and its votes, by its creator or an admin ({@code principal} null:
     * anonymous, refused); a persona left without images goes too.
     */
    void deleteImage(String slug, String imageId, String principal, boolean admin) {
        if (principal == null || principal.isBlank()) {
            throw new UnauthorizedException("deleting an image needs a signed-in caller");
        }
        Persona persona = personas.findBySlug(slug).orElseThrow(() -> unknownPersona(slug));
        PersonaImage image = images.find(persona.key(), imageId)
                .orElseThrow(() -> new NotFoundException("persona '" + slug + "' has no image " + imageId));
        if (!admin && !principal.equals(image.createdBy())) {
            throw new ForbiddenException("only its creator or an admin may delete image " + imageId);
        }
        if (images.delete(imageId)) {
            votes.deleteAll(imageId);
            personas.removed(persona.key(), image);
        }
        objects.delete(image);
    }

    private PersonaImage image(String slug, String imageId) {
        return personas.findBySlug(slug)
                .flatMap(persona -> images.find(persona.key(), imageId))
                .orElseThrow(() -> new NotFoundException("persona '" + slug + "' has no image " + imageId));
    }

    private VoteView recount(PersonaImage image, Optional<VoteDirection> before, Optional<VoteDirection> after) {
        return images.recount(image.id(), before, after)
                .map(counted -> PersonaViews.vote(counted, after))
                .orElseThrow(() -> new NotFoundException("image " + image.id() + " is gone"));
    }

    private static NotFoundException unknownPersona(String slug) {
        return new NotFoundException("no persona has the slug '" + slug + "'");
    }
}
