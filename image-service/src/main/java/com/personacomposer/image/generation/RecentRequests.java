package com.personacomposer.image.generation;

import com.github.benmanes.caffeine.cache.Cache;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.kit.cache.ClockedCaches;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The outcome of each recent request, so a redelivered PersonaRequested re-announces the same result instead of
 * generating (and paying) again. A delivery that arrives while the first is still generating waits for it.
 * Outcomes are forgotten after the TTL of the generated images (an older outcome's URL would be dead anyway).
 */
final class RecentRequests {

    static final int MAX_ENTRIES = 10_000;

    private final Cache<UUID, CompletableFuture<PersonaEvent>> outcomes;

    RecentRequests(Duration ttl, Clock clock) {
        this.outcomes = ClockedCaches.expiringAfterWrite(ttl, clock).maximumSize(MAX_ENTRIES).build();
    }

    /** {@code event}: what to publish; null when there is nothing to publish (the request was canceled meanwhile). */
    record Outcome(PersonaEvent event, boolean repeated) {
    }

    /**
     * The request's remembered outcome, or the one {@code generator} produces now. A generator that throws leaves
     * nothing behind, so the next delivery tries again.
     */
    Outcome outcome(UUID requestId, Supplier<PersonaEvent> generator) {
        CompletableFuture<PersonaEvent> mine = new CompletableFuture<>();
        CompletableFuture<PersonaEvent> earlier = outcomes.asMap().putIfAbsent(requestId, mine);
        if (earlier != null) {
            try {
                return new Outcome(earlier.join(), true);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            PersonaEvent event = generator.get();
            mine.complete(event);
            return new Outcome(event, false);
        } catch (RuntimeException | Error e) {
            outcomes.asMap().remove(requestId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
