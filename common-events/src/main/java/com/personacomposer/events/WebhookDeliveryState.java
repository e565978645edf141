package com.personacomposer.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a webhook delivery stands. */
public enum WebhookDeliveryState {
    /** Not delivered yet; another attempt is due at {@code nextAttemptAt}. */
    @JsonProperty("pending") PENDING,
    /** The receiver answered 2xx. */
    @JsonProperty("delivered") DELIVERED,
    /** Given up: the receiver answered 410 Gone, the target was refused, or the last retry failed. */
    @JsonProperty("failed") FAILED
}
