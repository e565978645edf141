package com.personacomposer.gateway.downstream;

/** persona-service could not be reached, timed out or failed: nothing was decided, the client may try again. */
public class PersonaServiceUnavailableException extends RuntimeException {

    PersonaServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
