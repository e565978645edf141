package com.personacomposer.persona.assembly;

import static com.personacomposer.persona.testing.RequestMachinery.imageStored;
import static com.personacomposer.persona.testing.RequestMachinery.requested;
import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageSkipped;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.WebhookDeliveryState;
import com.personacomposer.events.WebhookDeliveryUpdated;
import com.personacomposer.events.WebhookEventType;
import com.personacomposer.events.WebhookTarget;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.requests.RequestWebhook;
import com.personacomposer.persona.requests.StageStatus;
import com.personacomposer.persona.requests.WebhookDelivery;
import com.personacomposer.persona.testing.MemoryMongo;
import com.personacomposer.persona.testing.RequestMachinery;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancel and the webhook part of the assembly, on the devstack's Mongo server in memory. */
class CancelTest {

    private static final MemoryMongo mongo = new MemoryMongo();
    private static final String PRINCIPAL = "key:ci-bot";
    private static final String HOOK = "https://hooks.example.com/personas";

    private RequestMachinery machinery;
    private RequestService service;

    @BeforeEach
    void setUp() {
        machinery = new RequestMachinery(mongo.database());
        service = machinery.assembly;
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void aCanceledRequestAddsNothingToThePersonaAndItsLateImageIsDeleted() {
        PersonaRequested requested = recorded("Late Lou", null, null);

        assertThat(service.cancel(id(requested)).status()).isEqualTo(RequestStatus.CANCELED);
        ImageStored late = imageStored(requested);
        service.imageStored(late);
        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Too late.", "local"));

        PersonaRequest request = find(requested);
        assertThat(request.status()).isEqualTo(RequestStatus.CANCELED);
        assertThat(request.stages().image()).as("never finished, shown as canceled").isEqualTo(StageStatus.PENDING);
        assertThat(machinery.imageObjects.deleted).containsExactly(late.s3Key());
        assertThat(machinery.database.getCollection("personas").countDocuments()).isZero();
        assertThat(machinery.database.getCollection("images").countDocuments()).isZero();
        assertThat(machinery.publisher.published(PersonaCanceled.class)).singleElement()
                .satisfies(canceled -> assertThat(canceled.webhook()).isNull());
        assertThat(machinery.publisher.published(PersonaCompleted.class)).isEmpty();
    }

    @Test
    void aCancelAfterTheImageWasStoredDeletesItAndRepeatingTheCancelChangesNothing() {
        PersonaRequested requested = recorded("Stored Sam", null, null);
        ImageStored image = imageStored(requested);
        service.imageStored(image);

        service.cancel(id(requested));
        PersonaRequest again = service.cancel(id(requested));

        assertThat(again.status()).isEqualTo(RequestStatus.CANCELED);
        assertThat(machinery.imageObjects.deleted).containsExactly(image.s3Key());
        assertThat(machinery.publisher.published(PersonaCanceled.class)).hasSize(1);
    }

    @Test
    void aFinishedRequestStaysAsItFinished() {
        PersonaRequested requested = recorded("Done Dan", null, null);
        service.imageStored(imageStored(requested));
        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Done.", "local"));

        assertThat(service.cancel(id(requested)).status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(machinery.publisher.published(PersonaCanceled.class)).isEmpty();
        assertThat(machinery.imageObjects.deleted).isEmpty();
        assertThat(machinery.database.getCollection("images").countDocuments()).isEqualTo(1);
    }

    @Test
    void neitherTheTimeoutSweepNorALateStageFailureTurnsACanceledRequestIntoAFailedOne() {
        TimeoutSweep sweep = new TimeoutSweep(machinery.store, machinery.owedEvents, machinery.properties,
                machinery.metrics, machinery.clock);
        PersonaRequested requested = recorded("Quiet Quinn", null, null);
        service.cancel(id(requested));
        machinery.clock.advance(Duration.ofMinutes(10));

        sweep.sweep();
        service.failed(PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.IMAGE, "late"));

        assertThat(find(requested).status()).isEqualTo(RequestStatus.CANCELED);
        assertThat(find(requested).error()).isNull();
    }

    @Test
    void theQuotaUnitComesBackOnceWhenTheImageWasSkippedAndNotForTheCancelAlone() {
        PersonaRequested skipped = recorded("Skip Sue", PRINCIPAL, null);
        PersonaRequested paid = recorded("Paid Pia", PRINCIPAL, null);
        assertThat(machinery.quotas.usage(PRINCIPAL).used()).isEqualTo(2);

        service.cancel(id(skipped));
        service.cancel(id(paid));
        ImageSkipped event = ImageSkipped.canceled(skipped.requestId(), skipped.personaKey());
        service.imageSkipped(event);
        service.imageSkipped(event);

        assertThat(machinery.quotas.usage(PRINCIPAL).used()).as("the dall-e call of the other one was made")
                .isEqualTo(1);
    }

    @Test
    void everyFinishEventOfARequestWithAWebhookCarriesItsTarget() {
        RequestWebhook webhook = new RequestWebhook(HOOK, EnumSet.allOf(WebhookEventType.class));
        WebhookTarget target = WebhookTarget.forAll(HOOK, PRINCIPAL);
        PersonaRequested completed = recorded("Hook Completed", PRINCIPAL, webhook);
        PersonaRequested canceled = recorded("Hook Canceled", PRINCIPAL, webhook);
        service.imageStored(imageStored(completed));
        service.mottoGenerated(MottoGenerated.of(completed.requestId(), completed.personaKey(), "Yes.", "local"));

        service.cancel(id(canceled));

        assertThat(machinery.publisher.published(PersonaCompleted.class)).singleElement()
                .satisfies(event -> assertThat(event.webhook()).isEqualTo(target));
        assertThat(machinery.publisher.published(PersonaCanceled.class)).singleElement()
                .satisfies(event -> assertThat(event.webhook()).isEqualTo(target));
    }

    @Test
    void aStageFailureOfARequestWithAWebhookIsPublishedAgainWithItsTargetOnceAndOnlyForThatTransition() {
        RequestWebhook failedOnly = new RequestWebhook(HOOK, Set.of(WebhookEventType.FAILED));
        PersonaRequested hooked = recorded("Hook Failed", PRINCIPAL, failedOnly);
        PersonaRequested plain = recorded("Plain Failed", PRINCIPAL, null);
        PersonaFailed stage = PersonaFailed.of(hooked.requestId(), hooked.personaKey(), FailureStage.IMAGE, "refused");

        service.failed(stage);
        service.failed(stage);
        service.failed(PersonaFailed.of(plain.requestId(), plain.personaKey(), FailureStage.MOTTO, "refused"));
        PersonaFailed own = machinery.publisher.published(PersonaFailed.class).get(0);
        service.failed(own);

        assertThat(machinery.publisher.published(PersonaFailed.class)).singleElement().satisfies(event -> {
            assertThat(event.requestId()).isEqualTo(hooked.requestId());
            assertThat(event.stage()).isEqualTo(FailureStage.IMAGE);
            assertThat(event.reason()).isEqualTo("refused");
            assertThat(event.webhook()).isEqualTo(WebhookTarget.of(HOOK, Set.of(WebhookEventType.FAILED), PRINCIPAL));
        });
    }

    @Test
    void theNewestDeliveryStateIsKeptWhateverOrderTheUpdatesArriveIn() {
        PersonaRequested requested = recorded("Hook State", PRINCIPAL,
                new RequestWebhook(HOOK, EnumSet.allOf(WebhookEventType.class)));
        Instant next = Instant.parse("2026-12-07T16:00:00Z");

        service.webhookUpdated(update(requested, WebhookDeliveryState.PENDING, 2, 500, next, 20));
        service.webhookUpdated(update(requested, WebhookDeliveryState.PENDING, 1, 500, next, 10));
        service.webhookUpdated(update(requested, WebhookDeliveryState.PENDING, 0, null, null, 30));

        assertThat(find(requested).webhookDelivery())
                .isEqualTo(new WebhookDelivery(WebhookDeliveryState.PENDING, 2, 500, next, at(20)));
        service.webhookUpdated(update(requested, WebhookDeliveryState.DELIVERED, 3, 200, null, 40));
        assertThat(find(requested).webhookDelivery().state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(find(requested).webhookDelivery().attempts()).isEqualTo(3);
    }

    private static WebhookDeliveryUpdated update(PersonaRequested requested, WebhookDeliveryState state, int attempts,
                                                 Integer lastStatus, Instant next, int second) {
        return new WebhookDeliveryUpdated(UUID.randomUUID(), at(second), requested.requestId(),
                requested.personaKey(), "msg_" + requested.requestId() + "_completed", WebhookEventType.COMPLETED,
                state, attempts, lastStatus, next);
    }

    private static Instant at(int second) {
        return Instant.parse("2026-12-07T15:00:00Z").plusSeconds(second);
    }

    /** Recorded as the intake does it: charged to {@code principal} (dall-e costs a unit) when there is one. */
    private PersonaRequested recorded(String name, String principal, RequestWebhook webhook) {
        PersonaRequested requested = requested(name, "", MottoTone.NEUTRAL);
        if (principal != null) {
            assertThat(machinery.quotas.charge(id(requested), principal, requested.model().id())).isTrue();
        }
        RequestDetails asked = RequestDetails.of(requested);
        service.record(id(requested), new RequestDetails(asked.personaKey(), asked.personaName(), asked.slug(),
                asked.description(), asked.mottoTone(), asked.model(), principal, principal, webhook));
        return requested;
    }

    private PersonaRequest find(PersonaRequested requested) {
        return service.find(requested.requestId()).orElseThrow();
    }

    private static String id(PersonaRequested requested) {
        return requested.requestId().toString();
    }
}
