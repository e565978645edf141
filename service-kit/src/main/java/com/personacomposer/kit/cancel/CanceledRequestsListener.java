package com.personacomposer.kit.cancel;

import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hears every cancel. Each instance is a consumer group of its own ({@code <application>-<random UUID>}: every
 * instance must hear every cancel) that reads the topic from its start, so an instance started after a cancel still
 * skips the request; cancels older than the deadline are dropped as they are read. It runs even where a test turns
 * the pipeline's listeners off.
 */
class CanceledRequestsListener {

    static final String ID = "canceled-requests";

    private final CanceledRequests canceled;

    CanceledRequestsListener(CanceledRequests canceled) {
        this.canceled = canceled;
    }

    @KafkaListener(id = ID, topics = Topics.PERSONA_CANCELED,
            groupId = "#{'${spring.application.name}-' + T(java.util.UUID).randomUUID()}",
            containerFactory = CanceledRequestsConfiguration.CONTAINER_FACTORY, autoStartup = "true",
            properties = "auto.offset.reset=earliest")
    void onCanceled(PersonaCanceled event) {
        canceled.heard(event);
    }
}
