package com.personacomposer.persona.web;

/** The resource is in a state that does not allow this (a finished request cannot be canceled): 409 problem+json. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
