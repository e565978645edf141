package com.personacomposer.motto.pipeline;

import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class PersonaRequestedListener {

    private final MottoService mottoService;

    PersonaRequestedListener(MottoService mottoService) {
        this.mottoService = mottoService;
    }

    @KafkaListener(topics = Topics.PERSONA_REQUESTED)
    void onPersonaRequested(PersonaRequested requested) {
        mottoService.onPersonaRequested(requested);
    }
}
