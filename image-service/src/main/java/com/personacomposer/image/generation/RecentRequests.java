package com.personacomposer.image.generation;

import com.personacomposer.events.PersonaEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Clock clock;
    private final Duration ttl;
    private final Map<UUID, Entry> entries = new LinkedHashMap<>();

    RecentRequests(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    record Outcome(PersonaEvent event, boolean repeated) {
    }

    private record Entry(CompletableFuture<PersonaEvent> outcome, Instant expiresAt) {
    }

    /**
     * The request's remembered outcome, or the one {@code generator} produces now. A generator that throws leaves
     * nothing behind, so the next delivery tries again.
     */
    Outcome outcome(UUID requestId, Supplier<PersonaEvent> generator) {
        CompletableFuture<PersonaEvent> mine = new CompletableFuture<>();
        Entry mineEntry = new Entry(mine, clock.instant().plus(ttl));
        CompletableFuture<PersonaEvent> earlier;
        synchronized (this) {
            purge(clock.instant());
            Entry entry = entries.get(requestId);
            earlier = entry == null ? null : entry.outcome();
            if (earlier == null) {
                entries.put(requestId, mineEntry);
                if (entries.size() > MAX_ENTRIES) {
                    entries.remove(entries.keySet().iterator().next());
                }
            }
        }
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
            synchronized (this) {
                entries.remove(requestId, mineEntry);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void purge(Instant now) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && !now.isBefore(it.next().expiresAt())) {
            it.remove();
        }
    }
}
