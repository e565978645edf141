package com.personacomposer.persona.request;

/** Where one stage of a request stands. */
public enum StageStatus {
    PENDING, DONE, FAILED
}
