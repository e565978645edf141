package com.personacomposer.gateway.status;

import com.personacomposer.events.PersonaEvent;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The requests someone is waiting on (a {@code Prefer: wait} response, an event stream), by requestId, and the
 * finish events (PersonaCompleted, PersonaFailed, PersonaCanceled) this gateway instance hears for them. Only what is waited on is
 * kept: a waiter leaves the map when it stops waiting.
 */
@Component
public class RequestFinishes {

    private final ConcurrentMap<UUID, Set<FluxSink<PersonaEvent>>> waiters = new ConcurrentHashMap<>();

    /** The finish events of this request that arrive while subscribed. */
    public Flux<PersonaEvent> of(UUID requestId) {
        return Flux.create(sink -> {
            // Adding and removing inside compute keeps a sink from landing in a set that is being dropped.
            waiters.compute(requestId, (id, sinks) -> {
                Set<FluxSink<PersonaEvent>> waiting = sinks != null ? sinks : ConcurrentHashMap.newKeySet();
                waiting.add(sink);
                return waiting;
            });
            sink.onDispose(() -> waiters.computeIfPresent(requestId, (id, sinks) -> {
                sinks.remove(sink);
                return sinks.isEmpty() ? null : sinks;
            }));
        });
    }

    /** Hands a finish event to whoever waits on its request; nobody waiting is the common case and costs nothing. */
    public void signal(PersonaEvent event) {
        Set<FluxSink<PersonaEvent>> sinks = waiters.get(event.requestId());
        if (sinks != null) {
            sinks.forEach(sink -> sink.next(event));
        }
    }

    /** How many requests are being waited on. */
    public int waiting() {
        return waiters.size();
    }
}
