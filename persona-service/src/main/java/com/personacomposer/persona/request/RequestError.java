package com.personacomposer.persona.request;

/** Why a request failed: {@code stage} is image, storage, motto or timeout. */
record RequestError(String stage, String message) {
}
