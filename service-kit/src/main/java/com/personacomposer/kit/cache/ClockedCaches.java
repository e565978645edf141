package com.personacomposer.kit.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Caffeine caches that tell time by a {@link Clock}, the service's (so a test that moves its clock moves their expiry
 * too), and do their upkeep (evictions, removal listeners) on the calling thread, so it is done when the call returns.
 */
public final class ClockedCaches {

    private ClockedCaches() {
    }

    /** A cache builder whose entries expire {@code ttl} after they were written, as {@code clock} tells it. */
    public static Caffeine<Object, Object> expiringAfterWrite(Duration ttl, Clock clock) {
        return Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000)
                .executor(Runnable::run)
                .expireAfterWrite(ttl);
    }
}
