package com.personacomposer.persona.request;

/** The state of each stage of a request. */
record Stages(StageStatus image, StageStatus storage, StageStatus motto) {
}
