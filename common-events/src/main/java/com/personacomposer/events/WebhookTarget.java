package com.personacomposer.events;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where a request's finish is to be delivered by webhook, carried by the finish events persona-service publishes for
 * a request that asked for one ({@link PersonaCompleted#webhook()}, {@link PersonaFailed#webhook()},
 * {@link PersonaCanceled#webhook()}). webhook-service delivers a finish event only when it carries a target whose
 * {@code events} include the event's type; events without a target are not delivered.
 * <p>
 * No secret is in here: deliveries are signed with the principal's signing secret, which only webhook-service holds.
 *
 * @param url       the receiver's URL as the client gave it (checked again at every delivery)
 * @param events    the finishes the client asked for (at least one)
 * @param principal the id of the principal who asked (the token's {@code sub} or {@code key:<name>}), whose signing
 *                  secret signs the deliveries and on whose behalf the request's status is read
 */
public record WebhookTarget(String url, Set<WebhookEventType> events, String principal) {

    public WebhookTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(principal, "principal");
        if (url.isBlank()) {
            throw new IllegalArgumentException("a webhook target needs a url");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a webhook target needs at least one event type");
        }
        if (principal.isBlank()) {
            throw new IllegalArgumentException("a webhook target needs a principal");
        }
        // An EnumSet keeps the declaration order, so the JSON and equals() do not depend on how the set was made.
        events = Collections.unmodifiableSet(EnumSet.copyOf(events));
    }

    /** A target for every finish: completed, failed and canceled (the API's default). */
    public static WebhookTarget forAll(String url, String principal) {
        return new WebhookTarget(url, EnumSet.allOf(WebhookEventType.class), principal);
    }

    public static WebhookTarget of(String url, Collection<WebhookEventType> events, String principal) {
        return new WebhookTarget(url, EnumSet.copyOf(events), principal);
    }

    /** Whether a finish of this type is to be delivered. */
    public boolean wants(WebhookEventType type) {
        return events.contains(type);
    }
}
