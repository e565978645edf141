package com.personacomposer.kit.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * The resilience4j instances of one provider applied as Retry(CircuitBreaker(Bulkhead(call))), configured in YAML
 * under {@code resilience4j.*.instances.<name>} (on the shared {@code provider} configs of service-defaults.yml,
 * whose retry and record exceptions name the {@link ProviderException}s). A call the guard holds back (an open
 * circuit, a full bulkhead) fails as a {@link ProviderUnavailableException} naming the provider, so every caller
 * handles one family of exceptions. Made by {@link ProviderClients}.
 */
public final class ProviderGuard {

    private final String provider;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    ProviderGuard(String provider, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.provider = provider;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    public <T> T call(Supplier<T> call) {
        try {
            return Retry.decorateSupplier(retry,
                    CircuitBreaker.decorateSupplier(circuitBreaker,
                            Bulkhead.decorateSupplier(bulkhead, call))).get();
        } catch (CallNotPermittedException open) {
            throw new ProviderUnavailableException(provider
                    + " is temporarily unavailable after repeated failures; try again in a minute", open);
        } catch (BulkheadFullException full) {
            throw new ProviderUnavailableException(provider
                    + " is busy with other requests; try again in a minute", full);
        }
    }
}
