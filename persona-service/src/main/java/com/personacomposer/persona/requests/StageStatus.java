package com.personacomposer.persona.requests;

/** Where one stage of a request stands. */
public enum StageStatus {
    PENDING, DONE, FAILED
}
