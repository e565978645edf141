package com.personacomposer.persona.assembly;

import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.Topics;
import com.personacomposer.events.WebhookDeliveryUpdated;
import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The pipeline events this service assembles requests from, and the webhook delivery states it shows. Failures go to
 * the kit's error handler.
 */
@Component
@RequiredArgsConstructor
class PipelineListener {

    private final RequestService requests;

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

    @KafkaListener(topics = Topics.IMAGE_SKIPPED)
    void onImageSkipped(ImageSkipped event) {
        requests.imageSkipped(event);
    }

    @KafkaListener(topics = Topics.WEBHOOK_UPDATED)
    void onWebhookUpdated(WebhookDeliveryUpdated event) {
        requests.webhookUpdated(event);
    }
}
