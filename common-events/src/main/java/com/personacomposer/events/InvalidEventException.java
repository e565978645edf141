package com.personacomposer.events;

/** Bytes that cannot become a pipeline event: a poison record, never worth a retry. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
