package com.personacomposer.gateway.downstream;

/** persona-service refused a call for a reason its client should read (say, an Idempotency-Key reused for another request). */
public class PersonaServiceRejectedException extends RuntimeException {

    private final transient PassThrough response;

    PersonaServiceRejectedException(PassThrough response) {
        super("persona-service answered " + response.status());
        this.response = response;
    }

    public PassThrough response() {
        return response;
    }
}
