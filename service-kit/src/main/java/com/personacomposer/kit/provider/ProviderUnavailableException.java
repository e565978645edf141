package com.personacomposer.kit.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider could not serve the call now (rate limited, overloaded, unreachable) and trying again may succeed:
 * retried with backoff (at least as long as its Retry-After), and counted by the circuit breaker.
 */
public class ProviderUnavailableException extends ProviderException {

    private final transient Duration retryAfter;

    public ProviderUnavailableException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    public ProviderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
        this.retryAfter = null;
    }

    /** How long the provider asked us to wait (Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
