package com.personacomposer.kit.cancel;

import com.github.benmanes.caffeine.cache.Cache;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.kit.cache.ClockedCaches;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The requests canceled within the request deadline, as this instance heard them on persona.canceled: a stage asks
 * before it starts (or goes on with) a request's work. A request older than the deadline is given up by the stages
 * anyway, so a cancel is forgotten after it.
 */
public class CanceledRequests {

    static final int MAX_ENTRIES = 100_000;

    private final Cache<UUID, Boolean> canceled;
    private final Duration remembered;
    private final Clock clock;

    public CanceledRequests(Duration remembered, Clock clock) {
        this.remembered = remembered;
        this.clock = clock;
        this.canceled = ClockedCaches.expiringAfterWrite(remembered, clock).maximumSize(MAX_ENTRIES).build();
    }

    /** Whether the request was canceled (as far as this instance has heard). */
    public boolean isCanceled(UUID requestId) {
        return canceled.getIfPresent(requestId) != null;
    }

    /** Remembers a cancel, unless it is older than the deadline (read again from the topic's start). */
    public void heard(PersonaCanceled event) {
        if (event.occurredAt().plus(remembered).isAfter(clock.instant())) {
            canceled.put(event.requestId(), Boolean.TRUE);
        }
    }
}
