package com.personacomposer.motto.openai;

/** The chat provider could not be used for now (after retries, or with its circuit open): try the record again. */
class ChatUnavailableException extends RuntimeException {

    public ChatUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
