package com.personacomposer.persona.requests;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.WebhookTarget;

/**
 * What was asked for: the fields the gateway records and PersonaRequested carries, and who asked ({@code createdBy}:
 * the caller's principal id the gateway forwards, null for anonymous callers and requests seen only as events;
 * {@code createdByName}: what others are shown of them, never the id; {@code webhook}: where its principal asked its
 * finish to be delivered, null when nowhere).
 */
public record RequestDetails(
        String personaKey,
        String personaName,
        String slug,
        String description,
        MottoTone mottoTone,
        ImageModel model,
        String createdBy,
        String createdByName,
        RequestWebhook webhook) {

    public RequestDetails {
        description = description == null ? "" : description;
    }

    /** Details of a request without a webhook. */
    public RequestDetails(String personaKey, String personaName, String slug, String description, MottoTone mottoTone,
                          ImageModel model, String createdBy, String createdByName) {
        this(personaKey, personaName, slug, description, mottoTone, model, createdBy, createdByName, null);
    }

    /** The target the request's finish events carry; null when it asked for no webhook. */
    public WebhookTarget webhookTarget() {
        return webhook == null || createdBy == null ? null : webhook.target(createdBy);
    }

    public static RequestDetails of(PersonaRequested event) {
        return new RequestDetails(event.personaKey(), event.personaName(), event.slug(), event.description(),
                event.mottoTone(), event.model(), null, null);
    }
}
