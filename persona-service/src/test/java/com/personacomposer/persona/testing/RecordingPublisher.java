package com.personacomposer.persona.testing;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.kit.kafka.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An EventPublisher that keeps what it was asked to publish instead of sending it. */
public final class RecordingPublisher extends EventPublisher {

    private final List<PersonaEvent> published = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    public RecordingPublisher() {
        super(null, Duration.ZERO);
    }

    @Override
    public void publish(PersonaEvent event) {
        if (failure != null) {
            throw failure;
        }
        published.add(event);
    }

    /** From now on every publish throws {@code failure} (null: publishing works again). */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public <T extends PersonaEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
