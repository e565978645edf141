package com.personacomposer.persona.assembly;

import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The pipeline events this service assembles requests from. Failures go to the kit's error handler. */
@Component
class PipelineListener {

    private final RequestService requests;

    PipelineListener(RequestService requests) {
        this.requests = requests;
    }

    @KafkaListener(topics = Topics.PERSONA_REQUESTED)
    void onPersonaRequested(PersonaRequested event) {
        requests.requested(event);
    }

    @KafkaListener(topics = Topics.IMAGE_STORED)
    void onImageStored(ImageStored event) {
        requests.imageStored(event);
    }

    @KafkaListener(topics = Topics.MOTTO_GENERATED)
    void onMottoGenerated(MottoGenerated event) {
        requests.mottoGenerated(event);
    }

    @KafkaListener(topics = Topics.PERSONA_FAILED)
    void onPersonaFailed(PersonaFailed event) {
        requests.failed(event);
    }
}
