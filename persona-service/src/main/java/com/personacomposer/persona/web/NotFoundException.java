package com.personacomposer.persona.web;

/** What was asked for does not exist: answered 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
