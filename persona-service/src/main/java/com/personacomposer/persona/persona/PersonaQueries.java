package com.personacomposer.persona.persona;

import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.persona.PersonaViews.PersonaPage;
import com.personacomposer.persona.persona.PersonaViews.PersonaView;
import com.personacomposer.persona.persona.PersonaViews.VoteView;
import com.personacomposer.persona.web.InvalidInputException;
import com.personacomposer.persona.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading personas and voting on their images. */
@Service
public class PersonaQueries {

    private final PersonaStore personas;
    private final ImageUrls urls;

    PersonaQueries(PersonaStore personas, ImageUrls urls) {
        this.personas = personas;
        this.urls = urls;
    }

    PersonaView get(String slug) {
        return find(slug).orElseThrow(() -> unknownPersona(slug));
    }

    /** The persona as GET /api/personas/{slug} serves it, if there is one. */
    public Optional<PersonaView> find(String slug) {
        return personas.findBySlug(slug).map(persona -> PersonaViews.view(persona, urls));
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
        return personas.vote(slug, imageId, way)
                .map(PersonaViews::vote)
                .orElseThrow(() -> new NotFoundException("persona '" + slug + "' has no image " + imageId));
    }

    private static NotFoundException unknownPersona(String slug) {
        return new NotFoundException("no persona has the slug '" + slug + "'");
    }
}
