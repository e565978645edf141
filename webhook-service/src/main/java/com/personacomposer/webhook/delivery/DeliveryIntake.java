package com.personacomposer.webhook.delivery;

import com.personacomposer.events.PersonaEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the delivery a finish event asks for: only events that carry a webhook target wanting their type (most
 * carry none, and cost no more than this check), once per webhook-id however often the event comes. The sweep makes
 * the attempts; until then the delivery is only in the database, so it survives any restart.
 */
@Component
@RequiredArgsConstructor
class DeliveryIntake {

    private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);

    private final DeliveryStore store;
    private final DeliveryAnnouncer announcer;
    private final RetrySchedule schedule;
    private final Clock clock;

    /** A finish event heard: recorded as a delivery when it asks for one. */
    void heard(PersonaEvent event) {
        Finish.of(event).filter(Finish::wanted).ifPresent(this::record);
    }

    private void record(Finish finish) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Delivery delivery = Delivery.pending(finish, now, now.plus(schedule.span()));
        if (store.recordIfAbsent(delivery)) {
            log.info("webhook delivery {} of request {} recorded", delivery.id(), finish.requestId());
            announcer.announce(delivery);
        }
    }
}
