package com.personacomposer.webhook.delivery;

import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.webhook.sender.Attempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Deliveries by outcome ({@value #DELIVERIES}: {@code persona_webhook_deliveries_total{event, outcome}}, outcome
 * delivered or failed) and attempts with their latency ({@value #ATTEMPTS}:
 * {@code persona_webhook_attempts_seconds_{count,sum,bucket}{result}}, result delivered, gone, http_error, timeout,
 * connection_error or refused). Every series is there at 0 from the start, so a dashboard shows "none", not "no
 * data".
 */
@Component
class DeliveryMetrics {

    static final String DELIVERIES = "persona.webhook.deliveries";
    static final String ATTEMPTS = "persona.webhook.attempts";

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (WebhookEventType event : WebhookEventType.values()) {
            deliveries(event, WebhookDeliveryState.DELIVERED);
            deliveries(event, WebhookDeliveryState.FAILED);
        }
        for (Attempt.Result result : Attempt.Result.values()) {
            attempts(result);
        }
    }

    void attempt(Attempt attempt) {
        attempts(attempt.result()).record(attempt.duration());
    }

    /** A delivery ended: delivered, or failed for good. */
    void finished(WebhookEventType event, WebhookDeliveryState outcome) {
        deliveries(event, outcome).increment();
    }

    private Counter deliveries(WebhookEventType event, WebhookDeliveryState outcome) {
        return Counter.builder(DELIVERIES)
                .description("Webhook deliveries that ended, by finish and outcome")
                .tag("event", event.id())
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }

    private Timer attempts(Attempt.Result result) {
        return Timer.builder(ATTEMPTS)
                .description("Webhook delivery attempts and how long each took, by result")
                .tag("result", result.tag())
                .publishPercentileHistogram()
                .register(meters);
    }
}
