package com.personacomposer.persona.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
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
    void aPendingRequestSaysWhatItWaitsFor() {
        assertThat(request(DETAILS, RequestStatus.PENDING, null, null).waitingFor()).containsExactly("image", "motto");
        assertThat(request(DETAILS, RequestStatus.PENDING, IMAGE, null).waitingFor()).containsExactly("motto");
        assertThat(request(null, RequestStatus.PENDING, IMAGE, "Hi.").waitingFor())
                .containsExactly("request details");
    }

    @Test
    void theImageIdIsTheSameForEveryDeliveryOfARequest() {
        assertThat(PersonaRequest.imageIdOf("r1")).isEqualTo(PersonaRequest.imageIdOf("r1"))
                .isNotEqualTo(PersonaRequest.imageIdOf("r2"));
    }

    private static PersonaRequest request(RequestDetails details, RequestStatus status, StoredImage image, String motto) {
        return new PersonaRequest("r1", "zoë", details, status, PENDING, image, motto, null,
                Instant.EPOCH, Instant.EPOCH, null, null);
    }
}
