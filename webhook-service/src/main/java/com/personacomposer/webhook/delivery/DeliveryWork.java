package com.personacomposer.webhook.delivery;

import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.webhook.sender.Attempt;
import com.personacomposer.webhook.sender.WebhookSender;
import com.personacomposer.webhook.signing.Signer;
import com.personacomposer.webhook.status.RequestStatusClient;
import com.personacomposer.webhook.status.StatusUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the sweep does with a delivery it claimed: reads the request's status into the body first if it has none yet
 * (persona-service away: read again later, counting no attempt), then makes one attempt, signed with the principal's
 * keys of the moment, and records what came of it.
 * <ul>
 *   <li>2xx: delivered.</li>
 *   <li>410 Gone, or a target the address policy refuses: failed at once (asking again would get the same).</li>
 *   <li>Anything else (another status, a redirect, a timeout, no connection): pending, due after the next delay of
 *       the retry schedule; failed when the schedule is used up.</li>
 * </ul>
 */
@Component
@RequiredArgsConstructor
class DeliveryWork {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWork.class);

    private final DeliveryStore store;
    private final RequestStatusClient statuses;
    private final Signer signer;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final DeliveryAnnouncer announcer;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    void process(Delivery claimed) {
        Optional<Delivery> ready = claimed.body() != null ? Optional.of(claimed) : withBody(claimed);
        ready.ifPresent(this::attempt);
    }

    private Optional<Delivery> withBody(Delivery claimed) {
        ObjectNode status;
        try {
            status = statuses.read(claimed.requestId(), claimed.principal());
        } catch (StatusUnavailableException e) {
            Instant now = now();
            if (now.isBefore(claimed.giveUpAt())) {
                log.warn("webhook delivery {}: the request's status could not be read, trying again in {}: {}",
                        claimed.id(), properties.statusRetry(), e.getMessage());
                store.release(claimed, now.plus(properties.statusRetry()));
            } else {
                log.error("webhook delivery {} failed: the request's status could not be read since {}",
                        claimed.id(), claimed.createdAt());
                settle(claimed, claimed.after(WebhookDeliveryState.FAILED, claimed.attempts(), null, null, now));
            }
            return Optional.empty();
        }
        Delivery ready = claimed.withBody(WebhookBody.of(json, claimed, status));
        return store.keepBody(ready) ? Optional.of(ready) : Optional.empty();
    }

    private void attempt(Delivery delivery) {
        long timestamp = now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signer.signature(delivery.principal(), delivery.id(), timestamp,
                delivery.body()));
        Attempt attempt = sender.send(delivery.url(), headers, delivery.body());
        metrics.attempt(attempt);

        int attempts = delivery.attempts() + 1;
        Instant now = now();
        Delivery after = switch (attempt.result()) {
            case DELIVERED -> delivery.after(WebhookDeliveryState.DELIVERED, attempts, attempt.status(), null, now);
            case GONE, REFUSED -> delivery.after(WebhookDeliveryState.FAILED, attempts, attempt.status(), null, now);
            case HTTP_ERROR, TIMEOUT, CONNECTION_ERROR -> schedule.next(attempts, now)
                    .map(next -> delivery.after(WebhookDeliveryState.PENDING, attempts, attempt.status(), next, now))
                    .orElseGet(() -> delivery.after(WebhookDeliveryState.FAILED, attempts, attempt.status(), null,
                            now));
        };
        if (after.state() == WebhookDeliveryState.PENDING) {
            log.warn("webhook delivery {} attempt {} failed ({}: {}); next attempt at {}", delivery.id(), attempts,
                    attempt.result().tag(), attempt.detail(), after.nextAttemptAt());
        } else {
            log.info("webhook delivery {} {} after {} attempt(s) ({}: {})", delivery.id(),
                    after.state() == WebhookDeliveryState.DELIVERED ? "delivered" : "failed", attempts,
                    attempt.result().tag(), attempt.detail());
        }
        settle(delivery, after);
    }

    private void settle(Delivery claimed, Delivery after) {
        if (!store.settle(claimed, after)) {
            log.warn("webhook delivery {}: its claim ran out before the attempt was recorded", claimed.id());
            return;
        }
        if (after.state() != WebhookDeliveryState.PENDING) {
            metrics.finished(after.event(), after.state());
        }
        announcer.announce(after);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
