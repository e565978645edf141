package com.personacomposer.webhook.delivery;

import com.personacomposer.kit.kafka.EventPublisher;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes where a delivery stands (WebhookDeliveryUpdated on persona.webhook.updated) and settles the delivery's
 * outbox; a publish that fails leaves it owed, and the sweep publishes it again.
 */
@Component
@RequiredArgsConstructor
class DeliveryAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAnnouncer.class);

    private final EventPublisher publisher;
    private final DeliveryStore store;

    void announce(Delivery delivery) {
        try {
            publisher.publish(delivery.update());
        } catch (RuntimeException e) {
            log.warn("could not announce the state of webhook delivery {}; the sweep will: {}", delivery.id(),
                    e.toString());
            return;
        }
        store.announced(delivery);
    }
}
