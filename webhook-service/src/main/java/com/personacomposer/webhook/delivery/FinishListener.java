package com.personacomposer.webhook.delivery;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The finish events, under this service's own consumer group: one listener for the three topics (most events carry
 * no webhook target, so a consumer per topic would mostly idle). Failures go to the kit's error handler.
 */
@Component
class FinishListener {

    private final DeliveryIntake intake;

    FinishListener(DeliveryIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = {Topics.PERSONA_COMPLETED, Topics.PERSONA_FAILED, Topics.PERSONA_CANCELED})
    void onFinish(PersonaEvent event) {
        intake.heard(event);
    }
}
