package com.personacomposer.gateway.status;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.kafka.BroadcastListeners;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears every request that finishes (completed, failed or canceled), so waiting responses and event streams end as
 * soon as it happens instead of asking persona-service over and over (a finish event is only a hint: the slow status
 * poll stands behind it, so service-kit's broadcast factory skipping an unreadable record loses nothing). Each
 * gateway instance is a consumer group of its own (every instance must hear every finish) that starts at the end of
 * the topics: a finish from before it started concerns nobody here.
 */
@Component
@RequiredArgsConstructor
class RequestFinishListener {

    static final String ID = "request-finishes";

    private final RequestFinishes finishes;

    @KafkaListener(id = ID, topics = {Topics.PERSONA_COMPLETED, Topics.PERSONA_FAILED, Topics.PERSONA_CANCELED},
            groupId = "#{'${spring.application.name}-' + T(java.util.UUID).randomUUID()}",
            containerFactory = BroadcastListeners.CONTAINER_FACTORY,
            properties = "auto.offset.reset=latest")
    void onRequestFinished(PersonaEvent event) {
        finishes.signal(event);
    }
}
