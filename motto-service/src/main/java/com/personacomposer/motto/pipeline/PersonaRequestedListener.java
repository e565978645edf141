package com.personacomposer.motto.pipeline;

import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.kafka.ConcurrentStage;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** Chat calls take seconds: they run concurrently (up to persona.kafka.max-in-flight), not one per partition. */
@Component
@RequiredArgsConstructor
class PersonaRequestedListener {

    private final MottoService mottoService;
    private final ConcurrentStage stage;

    @KafkaListener(topics = Topics.PERSONA_REQUESTED, containerPostProcessor = ConcurrentStage.LISTENER_SETUP)
    void onPersonaRequested(ConsumerRecord<String, PersonaRequested> record, Acknowledgment ack) {
        stage.submit(record, ack, () -> mottoService.onPersonaRequested(record.value()));
    }
}
