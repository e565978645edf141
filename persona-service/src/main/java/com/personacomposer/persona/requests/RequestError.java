package com.personacomposer.persona.requests;

/** Why a request failed: {@code stage} is image, storage, motto or timeout. */
public record RequestError(String stage, String message) {
}
