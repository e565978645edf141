package com.personacomposer.kit.kafka;

/** A failure that will not go away by trying again: the record goes straight to its dead-letter topic. */
public class NonRetryableException extends RuntimeException {

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
