package com.personacomposer.persona.intake;

import static com.personacomposer.persona.testing.RequestMachinery.imageStored;
import static com.personacomposer.persona.testing.RequestMachinery.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.MottoGenerated;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.persona.requests.OwedEvent;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.testing.MemoryMongo;
import com.personacomposer.persona.testing.RequestMachinery;
import com.personacomposer.persona.web.UnprocessableInputException;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording the gateway's requests once per requestId and once per idempotency key, on the in-memory Mongo server. */
class RequestRecorderTest {

    private static final MemoryMongo mongo = new MemoryMongo();

    private RequestMachinery machinery;
    private RequestRecorder recorder;

    @BeforeEach
    void setUp() {
        machinery = new RequestMachinery(mongo.database());
        recorder = new RequestRecorder(machinery.assembly, machinery.store,
                new IdempotencyKeys(machinery.database, machinery.properties), machinery.properties, machinery.clock);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void recordingTwiceRecordsOnce() {
        PersonaRequested requested = requested("Twice Tom", "", MottoTone.NEUTRAL);

        assertThat(recorder.record(requested.requestId(), RequestDetails.of(requested), null).created()).isTrue();
        IntakeResult.Recorded again = recorder.record(requested.requestId(), RequestDetails.of(requested), null);

        assertThat(again.created()).isFalse();
        assertThat(again.request().requestId()).isEqualTo(requested.requestId().toString());
        assertThat(again.request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(again.request().outbox().event()).as("owed until read back from its topic")
                .isEqualTo(OwedEvent.PERSONA_REQUESTED);
    }

    @Test
    void partsThatArriveBeforeTheRequestCompleteItOnceItIsRecorded() {
        PersonaRequested requested = requested("Mary-Jane", "", MottoTone.NEUTRAL);

        machinery.assembly.mottoGenerated(
                MottoGenerated.of(requested.requestId(), requested.personaKey(), "Hi.", "local"));
        machinery.assembly.imageStored(imageStored(requested));
        assertThat(machinery.publisher.published(PersonaCompleted.class)).isEmpty();
        PersonaRequest early = machinery.assembly.find(requested.requestId()).orElseThrow();
        assertThat(early.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(early.recorded()).isFalse();

        IntakeResult.Recorded outcome = recorder.record(requested.requestId(), RequestDetails.of(requested), null);

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(outcome.request().details().personaName()).isEqualTo("Mary-Jane");
        assertThat(machinery.publisher.published(PersonaCompleted.class)).hasSize(1);
        assertThat(machinery.database.getCollection("images")
                .countDocuments(new Document("personaKey", requested.personaKey()))).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyStandsForItsFirstRequestForTheWindow() {
        PersonaRequested first = requested("Idem Ida", "", MottoTone.NEUTRAL);
        PersonaRequested retry = requested("Idem Ida", "", MottoTone.NEUTRAL);
        PersonaRequested tomorrow = requested("Idem Ida", "", MottoTone.NEUTRAL);

        assertThat(recorder.record(first.requestId(), RequestDetails.of(first), "key-1").created()).isTrue();
        machinery.clock.advance(Duration.ofHours(23));
        IntakeResult.Recorded repeated = recorder.record(retry.requestId(), RequestDetails.of(retry), "key-1");
        machinery.clock.advance(Duration.ofHours(2));
        IntakeResult.Recorded expired = recorder.record(tomorrow.requestId(), RequestDetails.of(tomorrow), "key-1");

        assertThat(repeated.created()).isFalse();
        assertThat(repeated.request().requestId()).isEqualTo(first.requestId().toString());
        assertThat(machinery.assembly.find(retry.requestId())).isEmpty();
        assertThat(expired.created()).isTrue();
        assertThat(expired.request().requestId()).isEqualTo(tomorrow.requestId().toString());
    }

    @Test
    void anIdempotencyKeySentAgainWithAnotherBodyIsRefused() {
        PersonaRequested first = requested("Idem Ivo", "", MottoTone.NEUTRAL);
        PersonaRequested other = requested("Idem Ivo", "another description", MottoTone.NEUTRAL);
        recorder.record(first.requestId(), RequestDetails.of(first), "key-2");

        assertThatThrownBy(() -> recorder.record(other.requestId(), RequestDetails.of(other), "key-2"))
                .isInstanceOf(UnprocessableInputException.class);
        assertThat(machinery.assembly.find(other.requestId())).isEmpty();
    }
}
