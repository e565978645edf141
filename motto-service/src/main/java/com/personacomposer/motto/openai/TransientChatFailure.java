package com.personacomposer.motto.openai;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The failures of one chat call that another attempt may not repeat: retryable statuses, I/O errors and timeouts.
 * Named in YAML as the retry predicate and the circuit breaker's failure predicate, so a refused request
 * (400, 401, 403, 404, 422, insufficient_quota) is neither retried nor counted against the provider's health.
 */
public class TransientChatFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof ChatProviderException provider) {
            return provider.retryable();
        }
        return failure instanceof IOException || failure instanceof TimeoutException;
    }
}
