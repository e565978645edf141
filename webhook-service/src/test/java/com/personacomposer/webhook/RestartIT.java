package com.personacomposer.webhook;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.events.WebhookTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A receiver that is down for a while gets its delivery once it is back, exactly once per webhook-id, even though the
 * webhook-service that made the first attempts stopped mid-retry and another one (same database, same consumer group)
 * made the last: pending deliveries live in MongoDB, not in a process.
 */
class RestartIT {

    @Test
    void aReceiverDownForAWhileGetsTheDeliveryOnceAcrossARestartOfTheService() {
        String database = "webhooks-restart-" + UUID.randomUUID();
        String principal = "key:restart-" + UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        Map<String, Object> schedule = Map.of("PERSONA_WEBHOOK_RETRY_DELAYS", "1s,1s,2s,2s,2s,2s,2s,2s");
        try (PersonaServiceStub personaService = new PersonaServiceStub();
             Receiver receiver = Receiver.start();
             Updates updates = Updates.listen()) {
            personaService.answers(requestId, principal, PersonaServiceStub.status(requestId, "COMPLETED"));
            receiver.down();

            String webhookId;
            int attemptsBeforeRestart;
            try (RunningService first = RunningService.start(database, personaService.url(), schedule)) {
                first.publish(PersonaCompleted.of(requestId, "restart", "restart", "img-1",
                        WebhookTarget.forAll(receiver.url("/hook"), principal)));
                WebhookDeliveryUpdated retrying = await().atMost(Duration.ofSeconds(30))
                        .until(() -> updates.newest(requestId), u -> u.isPresent() && u.get().attempts() >= 2)
                        .orElseThrow();
                assertThat(retrying.state()).isEqualTo(WebhookDeliveryState.PENDING);
                assertThat(retrying.lastStatus()).as("connection refused: no answer").isNull();
                webhookId = retrying.webhookId();
            }
            Document stopped = RunningService.raw(database, "deliveries",
                    deliveries -> deliveries.find(eq("_id", webhookId)).first());
            assertThat(stopped.getString("state")).isEqualTo("pending");
            attemptsBeforeRestart = stopped.getInteger("attempts");
            assertThat(receiver.received("/hook")).isEmpty();

            receiver.up();
            try (RunningService second = RunningService.start(database, personaService.url(), schedule)) {
                WebhookDeliveryUpdated delivered = await().atMost(Duration.ofSeconds(30))
                        .until(() -> updates.newest(requestId),
                                u -> u.map(update -> update.state() == WebhookDeliveryState.DELIVERED).orElse(false))
                        .orElseThrow();
                assertThat(delivered.attempts()).isEqualTo(attemptsBeforeRestart + 1);
                assertThat(delivered.lastStatus()).isEqualTo(200);

                // Nothing more comes, however long one waits: the delivery is settled.
                await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
                assertThat(receiver.received("/hook")).singleElement()
                        .satisfies(request -> assertThat(request.header("webhook-id")).isEqualTo(webhookId));
                Signatures.assertVerifies(Secrets.of(second, principal), receiver.received("/hook").get(0));
                assertThat(updates.newest(requestId)).map(WebhookDeliveryUpdated::attempts)
                        .isEqualTo(Optional.of(attemptsBeforeRestart + 1));
            }
        }
    }
}
