package com.personacomposer.image.generation;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.kafka.NonRetryableException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** persona.requested -> {@link ImageGenerationService}. */
@Component
class PersonaRequestedListener {

    private final ImageGenerationService service;

    PersonaRequestedListener(ImageGenerationService service) {
        this.service = service;
    }

    @KafkaListener(topics = Topics.PERSONA_REQUESTED)
    void on(PersonaEvent event) {
        if (!(event instanceof PersonaRequested request)) {
            throw new NonRetryableException("unexpected " + event.eventType() + " on " + Topics.PERSONA_REQUESTED);
        }
        service.handle(request);
    }
}
