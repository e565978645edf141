package com.personacomposer.persona.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a request is ready to complete, and what a stuck one waits for. */
class PersonaRequestTest {

    private static final RequestDetails DETAILS =
            new RequestDetails("zoë", "Zoë", "zoë", "", MottoTone.NEUTRAL, ImageModel.LOCAL, null, null);
    private static final StoredImage IMAGE = new StoredImage("k.png", "image/png", null, null, ImageModel.LOCAL, null);
    private static final Stages PENDING = new Stages(StageStatus.PENDING, StageStatus.PENDING, StageStatus.PENDING);

    @Test
    void readyOnlyWhenRecordedPendingAndBothPartsArePresent() {
        assertThat(request(DETAILS, RequestStatus.PENDING, IMAGE, "Hi.").readyToComplete()).isTrue();
        assertThat(request(null, RequestStatus.PENDING, IMAGE, "Hi.").readyToComplete()).isFalse();
        assertThat(request(DETAILS, RequestStatus.PENDING, null, "Hi.").readyToComplete()).isFalse();
        assertThat(request(DETAILS, RequestStatus.PENDING, IMAGE, null).readyToComplete()).isFalse();
        assertThat(request(DETAILS, RequestStatus.COMPLETED, IMAGE, "Hi.").readyToComplete()).isFalse();
        assertThat(request(DETAILS, RequestStatus.FAILED, IMAGE, "Hi.").readyToComplete()).isFalse();
    }

    @Test
    void aTimeoutNamesWhatWasMissing() {
        Duration deadline = Duration.ofMinutes(5);
        assertThat(TimeoutSweep.message(deadline, request(DETAILS, RequestStatus.PENDING, null, null)))
                .isEqualTo("no progress for 5m (waiting for: image, motto)");
        assertThat(TimeoutSweep.message(deadline, request(DETAILS, RequestStatus.PENDING, IMAGE, null)))
                .isEqualTo("no progress for 5m (waiting for: motto)");
        assertThat(TimeoutSweep.message(Duration.ofSeconds(90), request(null, RequestStatus.PENDING, IMAGE, "Hi.")))
                .isEqualTo("no progress for 90s (waiting for: request details)");
    }

    @Test
    void durationsReadAsConfigured() {
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void theImageIdIsTheSameForEveryDeliveryOfARequest() {
        assertThat(PersonaRequest.imageIdOf("r1")).isEqualTo(PersonaRequest.imageIdOf("r1"))
                .isNotEqualTo(PersonaRequest.imageIdOf("r2"));
    }

    private static PersonaRequest request(RequestDetails details, RequestStatus status, StoredImage image, String motto) {
        return new PersonaRequest("r1", "zoë", details, status, PENDING, image, motto, null,
                Instant.EPOCH, Instant.EPOCH, null);
    }
}
