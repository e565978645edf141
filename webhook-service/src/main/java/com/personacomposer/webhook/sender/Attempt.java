package com.personacomposer.webhook.sender;

import java.time.Duration;

/**
 * What one delivery attempt came to.
 *
 * @param result   how it ended
 * @param status   the receiver's HTTP status; null when there was no answer
 * @param duration from the start of the attempt to its end
 * @param detail   for the log: what went wrong, without the URL's path or query (which may carry a client's token)
 */
public record Attempt(Result result, Integer status, Duration duration, String detail) {

    /** How an attempt ended; {@link #tag()} is its metrics tag. */
    public enum Result {
        /** A 2xx answer: delivered. */
        DELIVERED("delivered"),
        /** 410 Gone: the receiver asks for no more deliveries. */
        GONE("gone"),
        /** Any other status, redirects included (never followed). */
        HTTP_ERROR("http_error"),
        /** No whole answer within the timeout. */
        TIMEOUT("timeout"),
        /** No connection (refused, reset, name not found). */
        CONNECTION_ERROR("connection_error"),
        /** The address policy refused the target: nothing was sent. */
        REFUSED("refused");

        private final String tag;

        Result(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
