package com.personacomposer.webhook.web;

/** The caller must be known (signed in) for this: answered 401 problem+json with WWW-Authenticate: Bearer. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
