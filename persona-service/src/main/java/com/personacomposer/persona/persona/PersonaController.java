package com.personacomposer.persona.persona;

import com.personacomposer.persona.persona.PersonaViews.ImagePage;
import com.personacomposer.persona.persona.PersonaViews.PersonaPage;
import com.personacomposer.persona.persona.PersonaViews.PersonaView;
import com.personacomposer.persona.persona.PersonaViews.VoteView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The persona read API (the gateway routes /api/personas reads here). */
@RestController
@RequestMapping("/api/personas")
class PersonaController {

    private final PersonaQueries queries;

    PersonaController(PersonaQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    PersonaPage list(@RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.list(q, page, size);
    }

    /** Spring hands over the slug percent-decoded (zoë, 李小龙). */
    @GetMapping("/{slug}")
    PersonaView get(@PathVariable String slug,
                    @RequestParam(defaultValue = "" + PersonaQueries.DEFAULT_IMAGE_LIMIT) @Min(1) @Max(100) int limit) {
        return queries.get(slug, limit);
    }

    @GetMapping("/{slug}/images")
    ImagePage images(@PathVariable String slug, @RequestParam(required = false) String after,
                     @RequestParam(defaultValue = "" + PersonaQueries.DEFAULT_IMAGE_LIMIT) @Min(1) @Max(100) int limit) {
        return queries.images(slug, after, limit);
    }

    @PostMapping("/{slug}/images/{imageId}/votes")
    VoteView vote(@PathVariable String slug, @PathVariable String imageId, @Valid @RequestBody VoteBody body) {
        return queries.vote(slug, imageId, body.direction());
    }

    record VoteBody(@NotNull String direction) {
    }
}
