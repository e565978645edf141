package com.personacomposer.kit.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * The resilience4j instances of one provider applied as Retry(CircuitBreaker(Bulkhead(call))), configured in YAML
 * under {@code resilience4j.*.instances.<name>} (whose retry and record exceptions name the
 * {@link ProviderException}s). An open circuit throws {@code CallNotPermittedException}, a full bulkhead
 * {@code BulkheadFullException}. Made by {@link ProviderClients}.
 */
public final class ProviderGuard {

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    ProviderGuard(Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker,
                        Bulkhead.decorateSupplier(bulkhead, call))).get();
    }
}
