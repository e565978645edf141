package com.personacomposer.persona.request;

/** Where a request stands as a whole. COMPLETED and FAILED are final. */
public enum RequestStatus {
    PENDING, COMPLETED, FAILED
}
