package com.personacomposer.persona.request;

/** Where a request stands as a whole. COMPLETED and FAILED are final. */
enum RequestStatus {
    PENDING, COMPLETED, FAILED
}
