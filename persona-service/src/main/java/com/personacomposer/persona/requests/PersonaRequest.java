package com.personacomposer.persona.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A request as the requests collection holds it. Its parts may arrive before the request itself is recorded (they
 * come on different topics), so {@code details} is null until the gateway's PUT or PersonaRequested has been seen.
 * {@code outbox} is the event it owes a topic, if any; {@code webhookDelivery} where the webhook delivery of its finish
 * stands (null until webhook-service said).
 */
public record PersonaRequest(
        String requestId,
        String personaKey,
        RequestDetails details,
        RequestStatus status,
        Stages stages,
        StoredImage image,
        String motto,
        RequestError error,
        Instant createdAt,
        Instant updatedAt,
        Outbox outbox,
        WebhookDelivery webhookDelivery) {

    public boolean recorded() {
        return details != null;
    }

    /** Everything needed to append the image to the persona is here, and nobody has finished the request yet. */
    public boolean readyToComplete() {
        return status == RequestStatus.PENDING && recorded() && image != null && motto != null;
    }

    /** What a pending request still lacks, in words for a timeout message. */
    public List<String> waitingFor() {
        List<String> missing = new ArrayList<>();
        if (!recorded()) {
            missing.add("request details");
        }
        if (image == null) {
            missing.add("image");
        }
        if (motto == null) {
            missing.add("motto");
        }
        return missing;
    }

    /** The persona image this request makes: its id is derived from the request, so a redelivery makes no second one. */
    public String imageId() {
        return imageIdOf(requestId);
    }

    public static String imageIdOf(String requestId) {
        return UUID.nameUUIDFromBytes(("persona-image:" + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
