package com.personacomposer.persona.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestError;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.requests.Stages;
import com.personacomposer.persona.requests.WebhookDelivery;
import java.time.Instant;

/**
 * A request's status as the API answers it; {@code error} only when it failed, {@code webhook} only to the request's
 * principal when it asked for one.
 */
record RequestView(
        String requestId,
        String personaName,
        String slug,
        RequestStatus status,
        Stages stages,
        @JsonInclude(JsonInclude.Include.NON_NULL) RequestError error,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) WebhookView webhook) {

    /** Where the webhook delivery of the request's finish stands. */
    record WebhookView(WebhookDeliveryState state, int attempts, Integer lastStatus, Instant nextAttemptAt) {
    }

    /** {@code viewer}: the caller's principal id, null for anonymous callers. */
    static RequestView of(PersonaRequest request, String viewer) {
        RequestDetails details = request.details();
        return new RequestView(request.requestId(), details.personaName(), details.slug(), request.status(),
                request.stages(), request.error(), request.createdAt(), request.updatedAt(), webhook(request, viewer));
    }

    /**
     * The delivery state for the request's principal: as webhook-service last told it; before that pending with no
     * attempt, unless the request finished in a way its webhook does not ask to hear about (nothing will be sent).
     */
    private static WebhookView webhook(PersonaRequest request, String viewer) {
        RequestDetails details = request.details();
        if (viewer == null || !viewer.equals(details.createdBy()) || details.webhook() == null) {
            return null;
        }
        WebhookDelivery delivery = request.webhookDelivery();
        if (delivery == null) {
            WebhookEventType finish = switch (request.status()) {
                case PENDING -> null;
                case COMPLETED -> WebhookEventType.COMPLETED;
                case FAILED -> WebhookEventType.FAILED;
                case CANCELED -> WebhookEventType.CANCELED;
            };
            if (finish != null && !details.webhook().events().contains(finish)) {
                return null;
            }
            delivery = WebhookDelivery.NOT_STARTED;
        }
        return new WebhookView(delivery.state(), delivery.attempts(), delivery.lastStatus(), delivery.nextAttemptAt());
    }
}
