package com.personacomposer.webhook.delivery;

import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.WebhookTarget;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A request's finish as any of the three finish events tells it.
 *
 * @param target  where the request asked it to be delivered; null when it asked for none
 * @param slug    the persona's slug (completed only)
 * @param imageId the new image's id (completed only)
 */
record Finish(UUID requestId, String personaKey, WebhookEventType type, Instant occurredAt, WebhookTarget target,
              String slug, String imageId) {

    /** The finish an event tells; empty for an event that is no finish. */
    static Optional<Finish> of(PersonaEvent event) {
        if (event instanceof PersonaCompleted completed) {
            return Optional.of(of(completed));
        }
        if (event instanceof PersonaFailed failed) {
            return Optional.of(of(failed));
        }
        if (event instanceof PersonaCanceled canceled) {
            return Optional.of(of(canceled));
        }
        return Optional.empty();
    }

    private static Finish of(PersonaCompleted event) {
        return new Finish(event.requestId(), event.personaKey(), WebhookEventType.COMPLETED, event.occurredAt(),
                event.webhook(), event.slug(), event.imageId());
    }

    private static Finish of(PersonaFailed event) {
        return new Finish(event.requestId(), event.personaKey(), WebhookEventType.FAILED, event.occurredAt(),
                event.webhook(), null, null);
    }

    private static Finish of(PersonaCanceled event) {
        return new Finish(event.requestId(), event.personaKey(), WebhookEventType.CANCELED, event.occurredAt(),
                event.webhook(), null, null);
    }

    /** Whether this finish is to be delivered: it carries a target that asks for its type. */
    boolean wanted() {
        return target != null && target.wants(type);
    }

    /** The {@code webhook-id} of its delivery: one per (request, finish), the same on every attempt. */
    String webhookId() {
        return webhookId(requestId, type);
    }

    static String webhookId(UUID requestId, WebhookEventType type) {
        return "msg_" + requestId + "_" + type.id();
    }
}
