package com.personacomposer.gateway.request;

import com.personacomposer.events.WebhookEventType;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A create's {@code webhook} and {@code webhookEvents}, well-formed: an absolute URL with a host and the finishes to
 * deliver (at least one). Whether the URL may be delivered to is {@link WebhookTargetCheck}'s to say.
 */
record WebhookRequest(URI url, Set<WebhookEventType> events) {

    WebhookRequest {
        // In declaration order (completed, failed, canceled), however the client listed them.
        events = Collections.unmodifiableSet(EnumSet.copyOf(events));
    }
}
