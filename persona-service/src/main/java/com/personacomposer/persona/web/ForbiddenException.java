package com.personacomposer.persona.web;

/** The caller is known but may not do this: answered 403 problem+json. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
