package com.personacomposer.webhook;

import static com.personacomposer.webhook.Receiver.Answer.hang;
import static com.personacomposer.webhook.Receiver.Answer.redirect;
import static com.personacomposer.webhook.Receiver.Answer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.WebhookTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries end to end: finish events on the devstack's Kafka, the request's status from a stub of persona-service,
 * a real HTTP receiver on loopback (allowed by PERSONA_WEBHOOK_ALLOW_LOCAL), delivery states read back from
 * persona.webhook.updated as persona-service will read them. Retry delays are one second.
 */
class DeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "zoë o'brien";
    private static final String SLUG = "zoë-o-brien-8c1f2a3b";

    private static TestStack stack;

    private final String principal = "user-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        stack = TestStack.start("delivery");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void fiveHundredTwiceThenTwoHundredIsDeliveredOnTheThirdAttemptAndShowsAllThree() {
        UUID requestId = completed("/flaky", status(500), status(500), status(200));

        WebhookDeliveryUpdated delivered = awaitFinal(requestId);

        assertThat(delivered.state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.lastStatus()).isEqualTo(200);
        assertThat(delivered.nextAttemptAt()).isNull();
        assertThat(delivered.webhookId()).isEqualTo("msg_" + requestId + "_completed");
        assertThat(stack.updates().of(requestId)).extracting(WebhookDeliveryUpdated::attempts).contains(0, 1, 2, 3);
        assertThat(stack.updates().of(requestId)).filteredOn(update -> update.attempts() == 2).allSatisfy(update -> {
            assertThat(update.state()).isEqualTo(WebhookDeliveryState.PENDING);
            assertThat(update.lastStatus()).isEqualTo(500);
            assertThat(update.nextAttemptAt()).isNotNull();
        });
        List<Receiver.Received> attempts = stack.receiver().received("/flaky");
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(request -> request.header("webhook-id")).containsOnly(delivered.webhookId());
        assertThat(attempts).extracting(Receiver.Received::body).containsOnly(attempts.get(0).body());
        String secret = Secrets.of(stack.service(), principal);
        attempts.forEach(attempt -> Signatures.assertVerifies(secret, attempt));
        org.bson.Document stored = stack.service().delivery(delivered.webhookId());
        assertThat(stored.getString("state")).isEqualTo("delivered");
        assertThat(stored.getInteger("attempts")).isEqualTo(3);
        MeterRegistry meters = stack.service().bean(MeterRegistry.class);
        assertThat(meters.get("persona.webhook.deliveries").tags("event", "completed", "outcome", "delivered")
                .counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("persona.webhook.attempts").tag("result", "http_error").timer().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void goneStopsTheDeliveryAtOnce() {
        UUID requestId = completed("/gone", status(410), status(200));

        WebhookDeliveryUpdated failed = awaitFinal(requestId);

        assertThat(failed.state()).isEqualTo(WebhookDeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastStatus()).isEqualTo(410);
        pause(Duration.ofMillis(2500));
        assertThat(stack.receiver().received("/gone")).hasSize(1);
    }

    @Test
    void aReceiverThatHangsPastTheTimeoutCountsAsAFailedAttempt() {
        UUID requestId = completed("/hangs", hang(Duration.ofSeconds(6)), status(204));

        WebhookDeliveryUpdated delivered = awaitFinal(requestId);

        assertThat(delivered.state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastStatus()).isEqualTo(204);
        assertThat(stack.updates().of(requestId)).filteredOn(update -> update.attempts() == 1).isNotEmpty()
                .allSatisfy(update -> {
                    assertThat(update.state()).isEqualTo(WebhookDeliveryState.PENDING);
                    assertThat(update.lastStatus()).as("no answer within the timeout").isNull();
                });
        assertThat(stack.service().bean(MeterRegistry.class).get("persona.webhook.attempts").tag("result", "timeout")
                .timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void redirectsAreNeverFollowedNeitherToAPrivateAddressNorAnywhere() {
        UUID requestId = completed("/moved", redirect("http://10.0.0.5:" + stack.receiver().port() + "/internal"),
                redirect(stack.receiver().url("/trap")), status(200));

        WebhookDeliveryUpdated delivered = awaitFinal(requestId);

        assertThat(delivered.state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(stack.updates().of(requestId)).filteredOn(update -> update.attempts() == 1 || update.attempts() == 2)
                .isNotEmpty().allSatisfy(update -> assertThat(update.lastStatus()).isEqualTo(302));
        assertThat(stack.receiver().received("/moved")).hasSize(3);
        assertThat(stack.receiver().received("/trap")).isEmpty();
        assertThat(stack.receiver().received("/internal")).isEmpty();
    }

    @Test
    void aTargetThatResolvesToAPrivateAddressIsRefusedAtDelivery() {
        UUID privateName = completed(WebhookTarget.forAll(
                "http://" + RunningService.PRIVATE_HOST + ":" + stack.receiver().port() + "/private", principal));
        UUID metadata = completed(WebhookTarget.forAll("http://169.254.169.254/latest/meta-data/", principal));

        for (UUID requestId : List.of(privateName, metadata)) {
            WebhookDeliveryUpdated refused = awaitFinal(requestId);
            assertThat(refused.state()).isEqualTo(WebhookDeliveryState.FAILED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.lastStatus()).isNull();
        }
        assertThat(stack.receiver().received("/private")).isEmpty();
        assertThat(stack.service().bean(MeterRegistry.class).get("persona.webhook.attempts").tag("result", "refused")
                .timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNameOnLoopbackIsConnectedToAtTheAddressItWasCheckedAt() {
        UUID requestId = completed(WebhookTarget.forAll(
                "http://" + RunningService.LOOPBACK_HOST + ":" + stack.receiver().port() + "/named", principal));

        assertThat(awaitFinal(requestId).state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(stack.receiver().received("/named")).singleElement()
                .satisfies(request -> assertThat(request.header("host")).startsWith(RunningService.LOOPBACK_HOST));
    }

    @Test
    void whenTheLastRetryFailsTheDeliveryFails() {
        UUID requestId = completed("/broken", status(500));

        WebhookDeliveryUpdated failed = awaitFinal(requestId);

        assertThat(failed.state()).isEqualTo(WebhookDeliveryState.FAILED);
        assertThat(failed.attempts()).as("three delays: four attempts").isEqualTo(4);
        assertThat(failed.lastStatus()).isEqualTo(500);
        assertThat(stack.receiver().received("/broken")).hasSize(4);
        assertThat(stack.service().bean(MeterRegistry.class).get("persona.webhook.deliveries")
                .tags("event", "completed", "outcome", "failed").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyFinishesCarryingATargetThatAsksForThemAreDelivered() {
        String key = "one persona " + UUID.randomUUID();
        UUID withoutTarget = UUID.randomUUID();
        UUID notAskedFor = UUID.randomUUID();
        UUID canceled = UUID.randomUUID();
        stack.personaService().answers(canceled, principal, PersonaServiceStub.status(canceled, "CANCELED"));
        // One persona key: one partition, so the last event is handled after the first two.
        stack.service().publish(PersonaCompleted.of(withoutTarget, key, SLUG, "img-1"));
        stack.service().publish(PersonaFailed.of(notAskedFor, key, FailureStage.IMAGE, "refused",
                WebhookTarget.of(stack.receiver().url("/picky"), Set.of(WebhookEventType.COMPLETED), principal)));
        stack.service().publish(PersonaCanceled.of(canceled, key,
                WebhookTarget.of(stack.receiver().url("/picky"), Set.of(WebhookEventType.CANCELED), principal)));

        assertThat(awaitFinal(canceled).state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        JsonNode body = Secrets.JSON.readTree(stack.receiver().received("/picky").get(0).body());
        assertThat(body.get("type").asString()).isEqualTo("persona.canceled");
        assertThat(stack.receiver().received("/picky")).hasSize(1);
        assertThat(stack.updates().of(withoutTarget)).isEmpty();
        assertThat(stack.updates().of(notAskedFor)).isEmpty();
        assertThat(stack.service().deliveriesOf(notAskedFor)).isZero();
        assertThat(stack.service().deliveriesOf(withoutTarget)).isZero();
    }

    @Test
    void aFinishHeardTwiceIsDeliveredOnce() {
        UUID requestId = UUID.randomUUID();
        stack.personaService().answers(requestId, principal, PersonaServiceStub.status(requestId, "COMPLETED"));
        WebhookTarget target = WebhookTarget.forAll(stack.receiver().url("/twice"), principal);
        PersonaCompleted event = PersonaCompleted.of(requestId, KEY, SLUG, "img-1", target);
        stack.service().publish(event);
        stack.service().publish(event);
        // persona-service's outbox may publish the same finish again as a new event.
        stack.service().publish(PersonaCompleted.of(requestId, KEY, SLUG, "img-1", target));

        assertThat(awaitFinal(requestId).attempts()).isEqualTo(1);
        pause(Duration.ofMillis(1500));
        assertThat(stack.receiver().received("/twice")).hasSize(1);
        assertThat(stack.service().deliveriesOf(requestId)).isEqualTo(1);
    }

    @Test
    void theBodyIsTheRequestsStatusWithTheSlugAndImageIdOnCompletion() {
        UUID completed = completed("/body-completed", status(200));
        UUID failed = UUID.randomUUID();
        stack.personaService().answers(failed, principal, PersonaServiceStub.status(failed, "FAILED"));
        PersonaFailed failure = PersonaFailed.of(failed, KEY, FailureStage.IMAGE, "the image provider refused",
                WebhookTarget.forAll(stack.receiver().url("/body-failed"), principal));
        stack.service().publish(failure);
        awaitFinal(completed);
        awaitFinal(failed);

        JsonNode onCompletion = Secrets.JSON.readTree(stack.receiver().received("/body-completed").get(0).body());
        assertThat(onCompletion.get("type").asString()).isEqualTo("persona.completed");
        assertThat(onCompletion.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode data = onCompletion.get("data");
        assertThat(data.get("requestId").asString()).isEqualTo(completed.toString());
        assertThat(data.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(data.get("slug").asString()).isEqualTo(SLUG);
        assertThat(data.get("imageId").asString()).isEqualTo("img-" + completed);
        assertThat(data.get("stages").get("image").asString()).isEqualTo("DONE");
        assertThat(data.has("webhook")).as("its own delivery state is not part of it").isFalse();

        JsonNode onFailure = Secrets.JSON.readTree(stack.receiver().received("/body-failed").get(0).body());
        assertThat(onFailure.get("type").asString()).isEqualTo("persona.failed");
        assertThat(onFailure.get("timestamp").asString()).isEqualTo(failure.occurredAt().toString());
        assertThat(onFailure.get("data").get("status").asString()).isEqualTo("FAILED");
        assertThat(onFailure.get("data").get("error").get("stage").asString()).isEqualTo("image");
        assertThat(onFailure.get("data").has("imageId")).isFalse();
    }

    @Test
    void aDeliveryWaitsForPersonaServiceRatherThanBeingDropped() {
        UUID requestId = UUID.randomUUID();
        stack.personaService().unavailableThenAnswers(requestId, principal, 3,
                PersonaServiceStub.status(requestId, "COMPLETED"));
        stack.service().publish(PersonaCompleted.of(requestId, KEY, SLUG, "img-1",
                WebhookTarget.forAll(stack.receiver().url("/patient"), principal)));

        WebhookDeliveryUpdated delivered = awaitFinal(requestId);

        assertThat(delivered.state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(delivered.attempts()).as("reading the status is no attempt").isEqualTo(1);
        assertThat(stack.personaService().reads(requestId)).isGreaterThanOrEqualTo(4);
        assertThat(stack.receiver().received("/patient")).hasSize(1);
    }

    @Test
    void aClientWithOnlyItsSecretAndTheStandardLibraryVerifiesDeliveriesAndNothingElse() {
        UUID requestId = completed("/verified", status(200));
        awaitFinal(requestId);
        Receiver.Received delivery = stack.receiver().received("/verified").get(0);
        String secret = Secrets.of(stack.service(), principal);

        Signatures.assertVerifies(secret, delivery);
        Signatures.assertRejected(secret, delivery.body().replace("COMPLETED", "FAILED"), delivery,
                "a tampered body");
        Signatures.assertRejected(Secrets.of(stack.service(), "someone-else-" + UUID.randomUUID()), delivery.body(),
                delivery, "another principal's secret");
        Signatures.assertRejected("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                delivery.body(), delivery, "a wrong secret");

        // A delivery signed six minutes ago (the service's clock set back): its signature is right, its time is not.
        RunningService.CLOCK.advance(Duration.ofMinutes(-6));
        try {
            UUID old = completed("/old", status(200));
            awaitFinal(old);
        } finally {
            RunningService.CLOCK.reset();
        }
        Receiver.Received stale = stack.receiver().received("/old").get(0);
        assertThat(Long.parseLong(stale.header("webhook-timestamp")))
                .isLessThan(java.time.Instant.now().minus(Duration.ofMinutes(5)).getEpochSecond());
        Signatures.assertRejected(secret, stale.body(), stale, "a timestamp over 5 minutes old");
        assertThat(Signatures.hmacMatches(secret, stale)).as("signed right, only too long ago").isTrue();
    }

    /** A completed request of this test's principal whose webhook goes to {@code path}, answering as scripted. */
    private UUID completed(String path, Receiver.Answer... answers) {
        stack.receiver().script(path, answers);
        return completed(WebhookTarget.forAll(stack.receiver().url(path), principal));
    }

    private UUID completed(WebhookTarget target) {
        UUID requestId = UUID.randomUUID();
        stack.personaService().answers(requestId, principal, PersonaServiceStub.status(requestId, "COMPLETED"));
        stack.service().publish(PersonaCompleted.of(requestId, KEY, SLUG, "img-" + requestId, target));
        return requestId;
    }

    /** The delivery's state once it is delivered or failed, as persona-service will hold it. */
    private static WebhookDeliveryUpdated awaitFinal(UUID requestId) {
        return await().atMost(WAIT).until(() -> stack.updates().newest(requestId)
                .filter(update -> update.state() != WebhookDeliveryState.PENDING), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
