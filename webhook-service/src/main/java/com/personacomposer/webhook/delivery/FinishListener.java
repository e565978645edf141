package com.personacomposer.webhook.delivery;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The finish events, under this service's own consumer group: one listener for the three topics (most events carry
 * no webhook target, so a consumer per topic would mostly idle). Failures go to the kit's error handler.
 */
@Component
@RequiredArgsConstructor
class FinishListener {

    private final DeliveryIntake intake;

    @KafkaListener(topics = {Topics.PERSONA_COMPLETED, Topics.PERSONA_FAILED, Topics.PERSONA_CANCELED})
    void onFinish(PersonaEvent event) {
        intake.heard(event);
    }
}
