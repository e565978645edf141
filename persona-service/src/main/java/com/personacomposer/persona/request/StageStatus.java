package com.personacomposer.persona.request;

/** Where one stage of a request stands. */
enum StageStatus {
    PENDING, DONE, FAILED
}
