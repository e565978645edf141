package com.personacomposer.persona.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.naming.PersonaName;
import com.personacomposer.persona.persona.ImageStore;
import com.personacomposer.persona.persona.PersonaStore;
import com.personacomposer.persona.persona.VoteStore;
import com.personacomposer.persona.quota.QuotaProperties;
import com.personacomposer.persona.quota.Quotas;
import com.personacomposer.persona.testing.MemoryMongo;
import com.personacomposer.persona.testing.MutableClock;
import com.personacomposer.persona.testing.RecordingPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assembly of requests, on the devstack's Mongo server in memory, with events recorded instead of sent. */
class RequestServiceTest {

    private static final MemoryMongo mongo = new MemoryMongo();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RequestProperties properties =
            new RequestProperties(Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofHours(24),
                    Duration.ofSeconds(5), Duration.ofSeconds(1));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RequestMetrics metrics = new RequestMetrics(meters);
    private MongoDatabase database;
    private RequestStore store;
    private OwedEvents owedEvents;
    private Quotas quotas;
    private RequestService service;

    @BeforeEach
    void setUp() {
        database = mongo.database();
        store = new RequestStore(database);
        owedEvents = new OwedEvents(store, publisher, properties, clock);
        quotas = new Quotas(database, new QuotaProperties(2, 1000, Set.of("local")), meters, clock);
        service = new RequestService(store, new IdempotencyKeys(database, properties),
                new PersonaStore(database, new ImageStore(database), new VoteStore(database)), owedEvents, properties,
                metrics, quotas, clock);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void bothPartsDeliveredTwiceMakeOneImageAndOneCompletion() {
        PersonaRequested requested = requested("Zoë Quinn", "a brave explorer", MottoTone.SARCASTIC);
        ImageStored image = imageStored(requested);
        MottoGenerated motto = MottoGenerated.of(requested.requestId(), requested.personaKey(), "Onwards!", "local");

        service.requested(requested);
        service.imageStored(image);
        service.mottoGenerated(motto);
        service.imageStored(image);
        service.mottoGenerated(motto);
        service.requested(requested);

        PersonaRequest request = service.find(requested.requestId()).orElseThrow();
        assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.stages()).isEqualTo(new Stages(StageStatus.DONE, StageStatus.DONE, StageStatus.DONE));
        assertThat(publisher.published(PersonaCompleted.class)).singleElement().satisfies(completed -> {
            assertThat(completed.requestId()).isEqualTo(requested.requestId());
            assertThat(completed.slug()).isEqualTo("zoë-quinn");
            assertThat(completed.imageId()).isEqualTo(PersonaRequest.imageIdOf(requested.requestId().toString()));
        });
        Document persona = persona(requested.personaKey());
        assertThat(persona.getString("name")).isEqualTo("Zoë Quinn");
        assertThat(persona.getString("slug")).isEqualTo("zoë-quinn");
        assertThat(images(requested.personaKey())).singleElement().satisfies(stored -> {
            assertThat(stored.getString("requestId")).isEqualTo(requested.requestId().toString());
            assertThat(stored.getString("s3Key")).isEqualTo(image.s3Key());
            assertThat(stored.getString("thumbnailKey")).isEqualTo(image.thumbnailKey());
            assertThat(stored.getString("thumbnailContentType")).isEqualTo("image/jpeg");
            assertThat(stored.getString("contentType")).isEqualTo("image/png");
            assertThat(stored.getString("model")).isEqualTo("dall-e");
            assertThat(stored.getString("description")).isEqualTo("a brave explorer");
            assertThat(stored.getString("mottoTone")).isEqualTo("sarcastic");
            assertThat(stored.getString("motto")).isEqualTo("Onwards!");
            assertThat(stored.getString("revisedPrompt")).isEqualTo("a revised prompt");
            assertThat(stored.get("upvotes", Number.class).longValue()).isEqualTo(1);
            assertThat(stored.get("downvotes", Number.class).longValue()).isZero();
        });
    }

    @Test
    void partsThatArriveBeforeTheRequestCompleteItOnceItIsRecorded() {
        PersonaRequested requested = requested("Mary-Jane", "", MottoTone.NEUTRAL);

        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Hi.", "local"));
        service.imageStored(imageStored(requested));
        assertThat(publisher.published(PersonaCompleted.class)).isEmpty();
        PersonaRequest early = service.find(requested.requestId()).orElseThrow();
        assertThat(early.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(early.recorded()).isFalse();

        IntakeResult.Recorded outcome = service.record(requested.requestId(), RequestDetails.of(requested), null);

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(outcome.request().details().personaName()).isEqualTo("Mary-Jane");
        assertThat(publisher.published(PersonaCompleted.class)).hasSize(1);
        assertThat(images(requested.personaKey())).hasSize(1);
    }

    @Test
    void aPartArrivingAfterAFailureDoesNotRevivetheRequest() {
        PersonaRequested requested = requested("Late Larry", "", MottoTone.NEUTRAL);
        service.requested(requested);

        service.failed(PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.IMAGE,
                "provider refused the prompt"));
        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Hi.", "local"));
        service.imageStored(imageStored(requested));

        PersonaRequest request = service.find(requested.requestId()).orElseThrow();
        assertThat(request.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(request.stages()).isEqualTo(new Stages(StageStatus.FAILED, StageStatus.PENDING, StageStatus.PENDING));
        assertThat(request.error()).isEqualTo(new RequestError("image", "provider refused the prompt"));
        assertThat(request.motto()).isNull();
        assertThat(publisher.published(PersonaCompleted.class)).isEmpty();
        assertThat(persona(requested.personaKey())).isNull();
        assertThat(failures("dall-e", "neutral", "image")).isEqualTo(1);
        assertThat(total(RequestMetrics.COMPLETED)).isZero();
    }

    @Test
    void aFailureAfterCompletionChangesNothing() {
        PersonaRequested requested = requested("Done Dana", "", MottoTone.NEUTRAL);
        service.requested(requested);
        service.imageStored(imageStored(requested));
        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Hi.", "local"));

        service.failed(PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.TIMEOUT, "late"));

        PersonaRequest request = service.find(requested.requestId()).orElseThrow();
        assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.error()).isNull();
    }

    @Test
    void eachRequestIsCountedOnceAcceptedAndOnceCompletedWithItsEndToEndTime() {
        PersonaRequested requested = requested("Timed Tia", "", MottoTone.COMICAL);
        ImageStored image = imageStored(requested);
        MottoGenerated motto = MottoGenerated.of(requested.requestId(), requested.personaKey(), "Tick.", "local");

        service.record(requested.requestId(), RequestDetails.of(requested), null);
        service.requested(requested);
        clock.advance(Duration.ofSeconds(3));
        service.mottoGenerated(motto);
        clock.advance(Duration.ofSeconds(4));
        service.imageStored(image);
        service.imageStored(image);
        service.failed(PersonaFailed.of(requested.requestId(), requested.personaKey(), FailureStage.TIMEOUT, "late"));

        assertThat(meters.get(RequestMetrics.ACCEPTED).tags("model", "dall-e", "tone", "comical").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(RequestMetrics.COMPLETED).tags("model", "dall-e", "tone", "comical").counter().count())
                .isEqualTo(1);
        Timer duration = meters.get(RequestMetrics.DURATION).tags("model", "dall-e", "tone", "comical").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7000);
        assertThat(total(RequestMetrics.FAILED)).isZero();
    }

    @Test
    void everyCounterIsExportedAtZeroBeforeItsFirstRequestSoRatesSeeThatRequest() {
        SimpleMeterRegistry fresh = new SimpleMeterRegistry();
        new RequestMetrics(fresh);

        int combinations = ImageModel.values().length * MottoTone.values().length;
        assertThat(fresh.find(RequestMetrics.ACCEPTED).counters()).hasSize(combinations);
        assertThat(fresh.find(RequestMetrics.COMPLETED).counters()).hasSize(combinations);
        assertThat(fresh.find(RequestMetrics.FAILED).counters()).hasSize(combinations * FailureStage.values().length);
        assertThat(fresh.get(RequestMetrics.FAILED).tags("model", "openjourney", "tone", "sarcastic", "stage", "storage")
                .counter().count()).isZero();
    }

    @Test
    void aLaterRequestForTheSameNameAppendsAndKeepsTheFirstDisplayName() {
        PersonaRequested first = requested("McDonald", "first", MottoTone.NEUTRAL);
        PersonaRequested second = requested("MCDONALD", "second", MottoTone.COMICAL);
        complete(first, "One.");
        clock.advance(Duration.ofSeconds(5));
        complete(second, "Two.");

        Document persona = persona("mcdonald");
        assertThat(persona.getString("name")).isEqualTo("McDonald");
        assertThat(images("mcdonald"))
                .extracting(image -> image.getString("description"), image -> image.getString("motto"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "One."),
                        org.assertj.core.groups.Tuple.tuple("second", "Two."));
        assertThat(database.getCollection("personas").countDocuments()).isEqualTo(1);
    }

    @Test
    void aSlugHeldByAnotherPersonaFailsTheRequestWithAReason() {
        PersonaRequested requested = requested("Slug Owner", "", MottoTone.NEUTRAL);
        database.getCollection("personas").insertOne(new Document("key", "someone else")
                .append("slug", requested.slug()).append("name", "Someone Else").append("images", List.of()));

        complete(requested, "Mine!");

        PersonaRequest request = service.find(requested.requestId()).orElseThrow();
        assertThat(request.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(request.error().stage()).isEqualTo("storage");
        assertThat(request.error().message()).contains("slug-owner", "someone else");
        assertThat(publisher.published(PersonaFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE));
        assertThat(publisher.published(PersonaCompleted.class)).isEmpty();
        assertThat(failures("dall-e", "neutral", "storage")).isEqualTo(1);
    }

    @Test
    void recordingTwiceRecordsOnce() {
        PersonaRequested requested = requested("Twice Tom", "", MottoTone.NEUTRAL);

        assertThat(service.record(requested.requestId(), RequestDetails.of(requested), null).created()).isTrue();
        IntakeResult.Recorded again = service.record(requested.requestId(), RequestDetails.of(requested), null);

        assertThat(again.created()).isFalse();
        assertThat(again.request().requestId()).isEqualTo(requested.requestId().toString());
        assertThat(again.request().status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void anIdempotencyKeyStandsForItsFirstRequestForTheWindow() {
        PersonaRequested first = requested("Idem Ida", "", MottoTone.NEUTRAL);
        PersonaRequested retry = requested("Idem Ida", "", MottoTone.NEUTRAL);
        PersonaRequested tomorrow = requested("Idem Ida", "", MottoTone.NEUTRAL);

        assertThat(service.record(first.requestId(), RequestDetails.of(first), "key-1").created()).isTrue();
        clock.advance(Duration.ofHours(23));
        IntakeResult.Recorded repeated = service.record(retry.requestId(), RequestDetails.of(retry), "key-1");
        clock.advance(Duration.ofHours(2));
        IntakeResult.Recorded expired = service.record(tomorrow.requestId(), RequestDetails.of(tomorrow), "key-1");

        assertThat(repeated.created()).isFalse();
        assertThat(repeated.request().requestId()).isEqualTo(first.requestId().toString());
        assertThat(service.find(retry.requestId())).isEmpty();
        assertThat(expired.created()).isTrue();
        assertThat(expired.request().requestId()).isEqualTo(tomorrow.requestId().toString());
    }

    @Test
    void theSweepFailsRequestsWithoutProgressPastTheDeadline() {
        TimeoutSweep sweep = new TimeoutSweep(store, owedEvents, properties, metrics, clock);
        PersonaRequested stuck = requested("Stuck Sam", "", MottoTone.NEUTRAL);
        PersonaRequested progressing = requested("Busy Bea", "", MottoTone.NEUTRAL);
        service.requested(stuck);
        service.requested(progressing);
        clock.advance(Duration.ofMinutes(4));
        service.mottoGenerated(MottoGenerated.of(progressing.requestId(), progressing.personaKey(), "Hi.", "local"));
        clock.advance(Duration.ofMinutes(2));

        sweep.sweep();

        PersonaRequest failed = service.find(stuck.requestId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.error()).isEqualTo(new RequestError("timeout", "no progress for 5m (waiting for: image, motto)"));
        assertThat(failed.stages()).isEqualTo(new Stages(StageStatus.PENDING, StageStatus.PENDING, StageStatus.PENDING));
        assertThat(service.find(progressing.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(publisher.published(PersonaFailed.class)).singleElement().satisfies(event -> {
            assertThat(event.requestId()).isEqualTo(stuck.requestId());
            assertThat(event.stage()).isEqualTo(FailureStage.TIMEOUT);
        });
        assertThat(failures("dall-e", "neutral", "timeout")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        sweep.sweep();
        assertThat(service.find(progressing.requestId()).orElseThrow().error().message())
                .isEqualTo("no progress for 5m (waiting for: image)");
    }

    @Test
    void partsRacingEachOtherCompleteEachRequestExactlyOnce() throws Exception {
        List<PersonaRequested> requests = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> requested("Racer " + i, "", MottoTone.NEUTRAL))
                .toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<Void>> deliveries = new java.util.ArrayList<>();
            for (PersonaRequested requested : requests) {
                MottoGenerated motto = MottoGenerated.of(requested.requestId(), requested.personaKey(), "Go.", "x");
                deliveries.add(() -> { service.requested(requested); return null; });
                deliveries.add(() -> { service.imageStored(imageStored(requested)); return null; });
                deliveries.add(() -> { service.mottoGenerated(motto); return null; });
                deliveries.add(() -> { service.imageStored(imageStored(requested)); return null; });
            }
            for (var future : pool.invokeAll(deliveries)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(publisher.published(PersonaCompleted.class)).extracting(PersonaCompleted::requestId)
                .containsExactlyInAnyOrderElementsOf(requests.stream().map(PersonaRequested::requestId).toList());
        for (PersonaRequested requested : requests) {
            assertThat(service.find(requested.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.COMPLETED);
            assertThat(images(requested.personaKey())).hasSize(1);
        }
    }

    @Test
    void aCompletionWhosePublishingFailedIsPublishedByTheOutboxSweepOnce() {
        PersonaRequested requested = requested("Outbox Olga", "", MottoTone.NEUTRAL);
        service.requested(requested);
        service.imageStored(imageStored(requested));
        publisher.failWith(new IllegalStateException("broker away"));

        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Hi.", "local"));

        assertThat(service.find(requested.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.COMPLETED);
        publisher.failWith(null);
        owedEvents.sweep();
        assertThat(publisher.published(PersonaCompleted.class)).as("not due yet").isEmpty();
        clock.advance(properties.outboxDelay());
        owedEvents.sweep();
        owedEvents.sweep();
        clock.advance(properties.outboxDelay());
        owedEvents.sweep();

        assertThat(publisher.published(PersonaCompleted.class)).singleElement().satisfies(completed -> {
            assertThat(completed.requestId()).isEqualTo(requested.requestId());
            assertThat(completed.slug()).isEqualTo("outbox-olga");
        });
        assertThat(service.find(requested.requestId()).orElseThrow().outbox()).isNull();
    }

    @Test
    void aRecordedRequestNeverReadBackFromItsTopicIsPublishedUntilItIs() {
        PersonaRequested requested = requested("Lost Luis", "curly", MottoTone.COMICAL);
        service.record(requested.requestId(), RequestDetails.of(requested), null);

        owedEvents.sweep();
        assertThat(publisher.published(PersonaRequested.class)).as("the gateway's publish may still come").isEmpty();
        clock.advance(properties.outboxDelay());
        owedEvents.sweep();
        clock.advance(properties.outboxDelay());
        owedEvents.sweep();
        assertThat(publisher.published(PersonaRequested.class)).as("again until read back").hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event.requestId()).isEqualTo(requested.requestId());
                    assertThat(event.personaName()).isEqualTo("Lost Luis");
                    assertThat(event.description()).isEqualTo("curly");
                    assertThat(event.mottoTone()).isEqualTo(MottoTone.COMICAL);
                    assertThat(event.model()).isEqualTo(ImageModel.DALL_E);
                });

        service.requested(publisher.published(PersonaRequested.class).get(0));
        clock.advance(properties.outboxDelay());
        owedEvents.sweep();

        assertThat(publisher.published(PersonaRequested.class)).hasSize(2);
        assertThat(service.find(requested.requestId()).orElseThrow().outbox()).isNull();
    }

    @Test
    void aRequestReadBackFromItsTopicOwesNothing() {
        PersonaRequested requested = requested("Heard Hana", "", MottoTone.NEUTRAL);
        service.record(requested.requestId(), RequestDetails.of(requested), null);
        service.requested(requested);

        clock.advance(properties.outboxDelay().multipliedBy(2));
        owedEvents.sweep();

        assertThat(publisher.published(PersonaRequested.class)).isEmpty();
    }

    @Test
    void aTimeoutWhosePublishingFailedIsPublishedByTheOutboxSweep() {
        TimeoutSweep sweep = new TimeoutSweep(store, owedEvents, properties, metrics, clock);
        PersonaRequested stuck = requested("Stuck Stan", "", MottoTone.NEUTRAL);
        service.requested(stuck);
        clock.advance(Duration.ofMinutes(6));
        publisher.failWith(new IllegalStateException("broker away"));
        sweep.sweep();
        publisher.failWith(null);

        clock.advance(properties.outboxDelay());
        owedEvents.sweep();

        assertThat(publisher.published(PersonaFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.stage()).isEqualTo(FailureStage.TIMEOUT));
    }

    @Test
    void theImageRecordsWhoAskedForItAndWhatOthersAreShownOfThem() {
        PersonaRequested requested = requested("Made By Mia", "", MottoTone.NEUTRAL);
        RequestDetails asked = RequestDetails.of(requested);
        service.record(requested.requestId(), new RequestDetails(asked.personaKey(), asked.personaName(),
                asked.slug(), asked.description(), asked.mottoTone(), asked.model(), "user:mia-sub", "Mia"), null);
        service.requested(requested);
        service.imageStored(imageStored(requested));
        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), "Mine.", "local"));

        assertThat(images(requested.personaKey())).singleElement()
                .satisfies(image -> {
                    assertThat(image.getString("createdBy")).isEqualTo("user:mia-sub");
                    assertThat(image.getString("createdByName")).isEqualTo("Mia");
                });
    }

    @Test
    void aRequestThatFailedAtItsImageGivesItsQuotaUnitBackOnceAndOneFailingAfterItsImageKeepsIt() {
        PersonaRequested refused = requested("Paid Pam", "", MottoTone.NEUTRAL);
        PersonaRequested pictured = requested("Paid Pat", "", MottoTone.NEUTRAL);
        chargedAndRecorded(refused, "user:pam-sub");
        chargedAndRecorded(pictured, "user:pam-sub");
        service.imageStored(imageStored(pictured));

        service.failed(PersonaFailed.of(pictured.requestId(), pictured.personaKey(), FailureStage.MOTTO, "refused"));
        service.failed(PersonaFailed.of(refused.requestId(), refused.personaKey(), FailureStage.IMAGE, "refused"));
        service.failed(PersonaFailed.of(refused.requestId(), refused.personaKey(), FailureStage.IMAGE, "refused"));

        assertThat(quotas.usage("user:pam-sub").used()).as("one unit back, once however often the failure arrives")
                .isEqualTo(1);
    }

    @Test
    void aRequestTimedOutWithoutAnImageGivesItsQuotaUnitBackOnceItsFailureIsReadBack() {
        TimeoutSweep sweep = new TimeoutSweep(store, owedEvents, properties, metrics, clock);
        PersonaRequested stuck = requested("Stuck Tim", "", MottoTone.NEUTRAL);
        chargedAndRecorded(stuck, "user:tim-sub");
        clock.advance(Duration.ofMinutes(6));

        sweep.sweep();
        PersonaFailed timedOut = publisher.published(PersonaFailed.class).get(0);
        service.failed(timedOut);
        service.failed(timedOut);

        assertThat(quotas.usage("user:tim-sub").used()).isZero();
    }

    /** As the intake does it: counted against the principal's quota, then recorded. */
    private void chargedAndRecorded(PersonaRequested requested, String principal) {
        assertThat(quotas.charge(requested.requestId().toString(), principal, requested.model().id())).isTrue();
        service.record(requested.requestId(), by(requested, principal), null);
    }

    private static RequestDetails by(PersonaRequested requested, String principal) {
        RequestDetails asked = RequestDetails.of(requested);
        return new RequestDetails(asked.personaKey(), asked.personaName(), asked.slug(), asked.description(),
                asked.mottoTone(), asked.model(), principal, principal == null ? null : "name of " + principal);
    }

    private double total(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double failures(String model, String tone, String stage) {
        return meters.get(RequestMetrics.FAILED).tags("model", model, "tone", tone, "stage", stage).counter().count();
    }

    private void complete(PersonaRequested requested, String motto) {
        service.requested(requested);
        service.imageStored(imageStored(requested));
        service.mottoGenerated(MottoGenerated.of(requested.requestId(), requested.personaKey(), motto, "local"));
    }

    private List<Document> images(String personaKey) {
        return database.getCollection("images").find(new Document("personaKey", personaKey))
                .sort(new Document("createdAt", 1)).into(new java.util.ArrayList<>());
    }

    private Document persona(String key) {
        return database.getCollection("personas").find(new Document("key", key)).first();
    }

    private static PersonaRequested requested(String rawName, String description, MottoTone tone) {
        PersonaName name = PersonaName.of(rawName);
        return PersonaRequested.of(UUID.randomUUID(), name.key(), name.displayName(), name.slug(), description, tone,
                ImageModel.DALL_E);
    }

    private static ImageStored imageStored(PersonaRequested requested) {
        String key = "persona-generations/abc/" + requested.requestId();
        return ImageStored.of(requested.requestId(), requested.personaKey(), ImageModel.DALL_E, key + ".png",
                "image/png", 1234, "a revised prompt", key + ".small.jpg", "image/jpeg");
    }
}
