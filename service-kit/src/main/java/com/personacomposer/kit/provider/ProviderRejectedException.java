package com.personacomposer.kit.provider;

/**
 * The provider refused the call for good (bad request, content policy, invalid key, no quota): never retried, and
 * not held against the provider's health by the circuit breaker.
 */
public class ProviderRejectedException extends ProviderException {

    public ProviderRejectedException(String reason) {
        super(reason);
    }
}
