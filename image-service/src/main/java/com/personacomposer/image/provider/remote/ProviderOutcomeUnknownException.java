package com.personacomposer.image.provider.remote;

import com.personacomposer.image.provider.ImageGenerationException;

/**
 * A call that starts paid work failed after it was sent, so the provider may be doing the work anyway: not retried
 * (that could pay twice), but counted by the circuit breaker.
 */
public class ProviderOutcomeUnknownException extends ImageGenerationException {

    public ProviderOutcomeUnknownException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
