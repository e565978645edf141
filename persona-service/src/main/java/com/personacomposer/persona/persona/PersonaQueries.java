package com.personacomposer.persona.persona;

import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.persona.PersonaViews.ImagePage;
import com.personacomposer.persona.persona.PersonaViews.PersonaPage;
import com.personacomposer.persona.persona.PersonaViews.PersonaView;
import com.personacomposer.persona.persona.PersonaViews.VoteView;
import com.personacomposer.persona.web.InvalidInputException;
import com.personacomposer.persona.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading personas and their images a page at a time, and voting on images. */
@Service
public class PersonaQueries {

    /** Images on a persona's first page unless the caller asks for another number. */
    public static final int DEFAULT_IMAGE_LIMIT = 50;

    private final PersonaStore personas;
    private final ImageStore images;
    private final ImageUrls urls;

    PersonaQueries(PersonaStore personas, ImageStore images, ImageUrls urls) {
        this.personas = personas;
        this.images = images;
        this.urls = urls;
    }

    PersonaView get(String slug, int limit) {
        return find(slug, limit).orElseThrow(() -> unknownPersona(slug));
    }

    /** The persona as GET /api/personas/{slug}?limit={limit} serves it, if there is one. */
    public Optional<PersonaView> find(String slug, int limit) {
        return personas.findBySlug(slug).map(persona ->
                PersonaViews.view(persona, images.page(persona.key(), null, limit + 1), limit, urls));
    }

    /** The images of the persona after the image {@code afterImageId} (from the first when null). */
    ImagePage images(String slug, String afterImageId, int limit) {
        Persona persona = personas.findBySlug(slug).orElseThrow(() -> unknownPersona(slug));
        PersonaImage after = null;
        if (afterImageId != null) {
            after = images.find(persona.key(), afterImageId)
                    .orElseThrow(() -> new InvalidInputException("after", "must be the id of an image of this persona"));
        }
        return PersonaViews.page(slug, images.page(persona.key(), after, limit + 1), limit, urls);
    }

    /** {@code q} is matched literally against the canonical names (case and spacing do not matter). */
    PersonaPage list(String q, int page, int size) {
        String fragment = q == null ? "" : PersonaName.canonicalKey(q);
        PersonaStore.PersonaSlice slice = personas.list(fragment, page, size);
        return new PersonaPage(slice.items().stream().map(persona -> PersonaViews.summary(persona, urls)).toList(),
                page, size, slice.total());
    }

    VoteView vote(String slug, String imageId, String direction) {
        VoteDirection way = VoteDirection.fromId(direction)
                .orElseThrow(() -> new InvalidInputException("direction", "must be up or down"));
        return personas.findBySlug(slug)
                .flatMap(persona -> images.vote(persona.key(), imageId, way))
                .map(PersonaViews::vote)
                .orElseThrow(() -> new NotFoundException("persona '" + slug + "' has no image " + imageId));
    }

    private static NotFoundException unknownPersona(String slug) {
        return new NotFoundException("no persona has the slug '" + slug + "'");
    }
}
