package com.personacomposer.kit.cancel;

import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.kafka.BroadcastListeners;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hears every cancel: one of the {@link BroadcastListeners} (every instance must hear every cancel), reading the
 * topic from its start, so an instance started after a cancel still skips the request; cancels older than the
 * deadline are dropped as they are read. It runs even where a test turns the pipeline's listeners off.
 */
class CanceledRequestsListener {

    static final String ID = "canceled-requests";

    private final CanceledRequests canceled;

    CanceledRequestsListener(CanceledRequests canceled) {
        this.canceled = canceled;
    }

    @KafkaListener(id = ID, topics = Topics.PERSONA_CANCELED,
            groupId = "#{'${spring.application.name}-' + T(java.util.UUID).randomUUID()}",
            containerFactory = BroadcastListeners.CONTAINER_FACTORY, autoStartup = "true",
            properties = "auto.offset.reset=earliest")
    void onCanceled(PersonaCanceled event) {
        canceled.heard(event);
    }
}
