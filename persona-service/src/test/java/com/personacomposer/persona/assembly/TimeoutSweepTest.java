package com.personacomposer.persona.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.persona.requests.PersonaRequest;
import com.personacomposer.persona.requests.RequestDetails;
import com.personacomposer.persona.requests.RequestStatus;
import com.personacomposer.persona.requests.StageStatus;
import com.personacomposer.persona.requests.Stages;
import com.personacomposer.persona.requests.StoredImage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeoutSweepTest {

    private static final RequestDetails DETAILS =
            new RequestDetails("zoë", "Zoë", "zoë", "", MottoTone.NEUTRAL, ImageModel.LOCAL, null, null);
    private static final StoredImage IMAGE = new StoredImage("k.png", "image/png", null, null, ImageModel.LOCAL, null);

    @Test
    void aTimeoutNamesTheDeadlineAndWhatWasMissing() {
        Duration deadline = Duration.ofMinutes(5);
        assertThat(TimeoutSweep.message(deadline, pending(DETAILS, null, null)))
                .isEqualTo("no progress for 5 min (waiting for: image, motto)");
        assertThat(TimeoutSweep.message(deadline, pending(DETAILS, IMAGE, null)))
                .isEqualTo("no progress for 5 min (waiting for: motto)");
        assertThat(TimeoutSweep.message(Duration.ofSeconds(90), pending(null, IMAGE, "Hi.")))
                .isEqualTo("no progress for 1 min 30 s (waiting for: request details)");
    }

    private static PersonaRequest pending(RequestDetails details, StoredImage image, String motto) {
        return new PersonaRequest("r1", "zoë", details, RequestStatus.PENDING,
                new Stages(StageStatus.PENDING, StageStatus.PENDING, StageStatus.PENDING), image, motto, null,
                Instant.EPOCH, Instant.EPOCH, null, null);
    }
}
