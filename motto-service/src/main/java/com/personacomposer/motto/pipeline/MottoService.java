package com.personacomposer.motto.pipeline;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.motto.compose.MottoComposer;
import com.personacomposer.motto.compose.MottoRefusedException;
import com.personacomposer.motto.compose.MottoRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the motto of a requested persona and publishes it. A redelivered request is simply composed again: the
 * assembly downstream is keyed by requestId, so a second MottoGenerated for it changes nothing.
 */
@Service
public class MottoService {

    private static final Logger log = LoggerFactory.getLogger(MottoService.class);

    private final MottoComposer composer;
    private final EventPublisher publisher;

    MottoService(MottoComposer composer, EventPublisher publisher) {
        this.composer = composer;
        this.publisher = publisher;
    }

    /** Any exception but a refusal propagates, so the record is retried and then dead-lettered. */
    public void onPersonaRequested(PersonaRequested requested) {
        MottoRequest request = new MottoRequest(requested.personaKey(), requested.personaName(),
                requested.description(), requested.mottoTone());
        String motto;
        try {
            motto = composer.compose(request);
        } catch (MottoRefusedException refused) {
            log.info("motto for request {} refused by {}: {}", requested.requestId(), composer.provider(),
                    refused.getMessage());
            publisher.publish(PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.MOTTO,
                    refused.getMessage()));
            return;
        }
        publisher.publish(MottoGenerated.of(requested.requestId(), requested.personaKey(), motto,
                composer.provider()));
    }
}
