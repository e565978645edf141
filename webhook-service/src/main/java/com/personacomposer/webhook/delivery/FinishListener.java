package com.personacomposer.webhook.delivery;

import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The finish events, under this service's own consumer group. Failures go to the kit's error handler. */
@Component
class FinishListener {

    private final DeliveryIntake intake;

    FinishListener(DeliveryIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.PERSONA_COMPLETED)
    void onPersonaCompleted(PersonaCompleted event) {
        intake.finished(Finish.of(event));
    }

    @KafkaListener(topics = Topics.PERSONA_FAILED)
    void onPersonaFailed(PersonaFailed event) {
        intake.finished(Finish.of(event));
    }

    @KafkaListener(topics = Topics.PERSONA_CANCELED)
    void onPersonaCanceled(PersonaCanceled event) {
        intake.finished(Finish.of(event));
    }
}
