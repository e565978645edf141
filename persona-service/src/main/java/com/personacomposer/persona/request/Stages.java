package com.personacomposer.persona.request;

/** The state of each stage of a request. */
public record Stages(StageStatus image, StageStatus storage, StageStatus motto) {
}
