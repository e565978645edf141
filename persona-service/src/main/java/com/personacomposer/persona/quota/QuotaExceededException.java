package com.personacomposer.persona.quota;

import java.time.Duration;

/** A request beyond the caller's daily quota or the daily budget: answered 429 with Retry-After. */
public class QuotaExceededException extends RuntimeException {

    private final transient Duration retryAfter;

    QuotaExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Until the next UTC day, when the counts start again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
