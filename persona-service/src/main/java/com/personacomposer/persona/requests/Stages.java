package com.personacomposer.persona.requests;

/** The state of each stage of a request. */
public record Stages(StageStatus image, StageStatus storage, StageStatus motto) {
}
