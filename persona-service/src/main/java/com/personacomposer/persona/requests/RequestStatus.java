package com.personacomposer.persona.requests;

/** Where a request stands as a whole. COMPLETED and FAILED are final. */
public enum RequestStatus {
    PENDING, COMPLETED, FAILED
}
