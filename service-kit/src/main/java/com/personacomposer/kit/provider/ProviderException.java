package com.personacomposer.kit.provider;

/**
 * A paid provider's call failed, for a reason a person can read (the message never holds a credential). The
 * subclass says what the resilience configuration does with it: retry, count against the provider, or neither.
 */
public abstract class ProviderException extends RuntimeException {

    protected ProviderException(String reason) {
        super(reason);
    }

    protected ProviderException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
