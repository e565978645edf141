package com.personacomposer.persona.web;

import java.time.Duration;

/** A limit is reached until {@code retryAfter} has passed: answered 429 problem+json with Retry-After. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
