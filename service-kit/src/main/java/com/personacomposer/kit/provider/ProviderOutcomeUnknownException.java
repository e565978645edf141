package com.personacomposer.kit.provider;

/**
 * A call that starts paid work failed after it was sent, so the provider may be doing the work anyway: not retried
 * (that could pay twice), but counted by the circuit breaker.
 */
public class ProviderOutcomeUnknownException extends ProviderException {

    public ProviderOutcomeUnknownException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
