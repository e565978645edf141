package com.personacomposer.motto.openai;

import java.time.Duration;

/**
 * The chat endpoint answered with an error status. {@link #retryable()} says whether another attempt may succeed
 * (429 other than insufficient_quota, 500, 502, 503, 504); {@link #retryAfter()} is the server's requested pause.
 */
public class ChatProviderException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    ChatProviderException(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The provider's error code (OpenAI: a string such as rate_limit_exceeded; vLLM/Ollama: the status). */
    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return switch (status) {
            // An exhausted quota stays exhausted until someone pays: retrying only burns time.
            case 429 -> !"insufficient_quota".equals(code);
            case 500, 502, 503, 504 -> true;
            default -> false;
        };
    }
}
