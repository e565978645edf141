package com.personacomposer.webhook.status;

/** persona-service did not answer the request's status (down, slow, or not yet knowing it): read it again later. */
public class StatusUnavailableException extends RuntimeException {

    public StatusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
