package com.personacomposer.persona.request;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.web.FieldProblem;
import com.personacomposer.persona.web.InvalidInputException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of the gateway's intake call (PUT /internal/requests/{requestId}). The gateway has already normalised the
 * name; the key and slug must be the ones derived from it, so no request can take another persona's slug. With
 * {@code unlessPersonaExists} an existing persona of that slug is answered instead and nothing is recorded.
 */
record IntakeBody(
        @NotBlank @Size(max = 400) String personaKey,
        @NotBlank @Size(max = 400) String personaName,
        @NotBlank @Size(max = 400) String slug,
        @Size(max = 4000) String description,
        @NotNull MottoTone mottoTone,
        @NotNull ImageModel model,
        @Size(min = 1, max = 200) String idempotencyKey,
        Boolean unlessPersonaExists) {

    /** The details of the request made by {@code createdBy} (null: anonymous), shown as {@code createdByName}. */
    RequestDetails toDetails(String createdBy, String createdByName) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!personaKey.equals(PersonaName.canonicalKey(personaName))) {
            problems.add(new FieldProblem("personaKey", "must be the canonical key of personaName"));
        } else if (!slug.equals(PersonaName.slugOf(personaKey))) {
            problems.add(new FieldProblem("slug", "must be the slug of personaKey"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RequestDetails(personaKey, personaName, slug, description, mottoTone, model, createdBy,
                createdBy == null ? null : createdByName);
    }
}
