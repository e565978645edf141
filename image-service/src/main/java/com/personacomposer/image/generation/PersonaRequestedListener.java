package com.personacomposer.image.generation;

import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.kafka.ConcurrentStage;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * persona.requested -> {@link ImageGenerationService}. Provider calls take seconds: they run concurrently (up to
 * persona.kafka.max-in-flight), so a slow one never holds up other personas on its partition.
 */
@Component
@RequiredArgsConstructor
class PersonaRequestedListener {

    private final ImageGenerationService service;
    private final ConcurrentStage stage;

    @KafkaListener(topics = Topics.PERSONA_REQUESTED, containerPostProcessor = ConcurrentStage.LISTENER_SETUP)
    void onPersonaRequested(ConsumerRecord<String, PersonaRequested> record, Acknowledgment ack) {
        stage.submit(record, ack, () -> service.onPersonaRequested(record.value()));
    }
}
