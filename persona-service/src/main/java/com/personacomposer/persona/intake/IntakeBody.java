package com.personacomposer.persona.intake;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.requests.RequestWebhook;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.kit.problem.FieldProblem;
import com.personacomposer.persona.web.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of the gateway's intake call (PUT /internal/requests/{requestId}). The gateway has already normalised the
 * name; the key and slug must be the ones derived from it, so no request can take another persona's slug. With
 * {@code unlessPersonaExists} an existing persona of that slug is answered instead and nothing is recorded.
 * {@code webhook}: where the request's principal asked its finish to be delivered (the gateway checked the URL and
 * filled in the events); only a principal's request may have one.
 */
record IntakeBody(
        @NotBlank @Size(max = 400) String personaKey,
        @NotBlank @Size(max = 400) String personaName,
        @NotBlank @Size(max = 400) String slug,
        @Size(max = 4000) String description,
        @NotNull MottoTone mottoTone,
        @NotNull ImageModel model,
        @Size(min = 1, max = 200) String idempotencyKey,
        Boolean unlessPersonaExists,
        @Valid WebhookBody webhook) {

    /** The webhook the gateway forwards: the receiver's URL and the finishes to deliver. */
    record WebhookBody(@NotBlank @Size(max = 2000) String url, @NotEmpty Set<WebhookEventType> events) {
    }

    /** The details of the request made by {@code createdBy} (null: anonymous), shown as {@code createdByName}. */
    RequestDetails toDetails(String createdBy, String createdByName) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!personaKey.equals(PersonaName.canonicalKey(personaName))) {
            problems.add(new FieldProblem("personaKey", "must be the canonical key of personaName"));
        } else if (!slug.equals(PersonaName.slugOf(personaKey))) {
            problems.add(new FieldProblem("slug", "must be the slug of personaKey"));
        }
        if (webhook != null && createdBy == null) {
            problems.add(new FieldProblem("webhook", "only a signed-in caller or an API key may ask for a webhook"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RequestDetails(personaKey, personaName, slug, description, mottoTone, model, createdBy,
                createdBy == null ? null : createdByName,
                webhook == null ? null : new RequestWebhook(webhook.url(), webhook.events()));
    }
}
