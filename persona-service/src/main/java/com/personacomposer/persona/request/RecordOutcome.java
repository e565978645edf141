package com.personacomposer.persona.request;

/** The request a record call stands for, and whether that call recorded it. */
public record RecordOutcome(boolean created, PersonaRequest request) {
}
