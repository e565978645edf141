package com.personacomposer.persona.requests;

/** Where a request stands as a whole. COMPLETED, FAILED and CANCELED are final. */
public enum RequestStatus {
    PENDING, COMPLETED, FAILED, CANCELED
}
