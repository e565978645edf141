package com.personacomposer.kit.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestDeadlineTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-06T10:00:00Z");
    private static final RequestDeadlineProperties FIVE_MINUTES = new RequestDeadlineProperties(Duration.ofMinutes(5));

    @Test
    void aRequestWithinItsDeadlineIsHandled() {
        RequestDeadline deadline = at(ACCEPTED.plus(Duration.ofMinutes(5)));

        assertThat(deadline.expired(requestedAt(ACCEPTED))).isEmpty();
    }

    @Test
    void aRequestPastItsDeadlineFailsWithStageTimeoutAndSaysWhy() {
        PersonaRequested request = requestedAt(ACCEPTED);
        RequestDeadline deadline = at(ACCEPTED.plus(Duration.ofMinutes(6)).plusSeconds(3));

        PersonaFailed failed = deadline.expired(request).orElseThrow();

        assertThat(failed.requestId()).isEqualTo(request.requestId());
        assertThat(failed.personaKey()).isEqualTo(request.personaKey());
        assertThat(failed.stage()).isEqualTo(FailureStage.TIMEOUT);
        assertThat(failed.reason()).isEqualTo("timed out: the request waited 6 min 3 s before it could be worked on, "
                + "longer than the 5 min deadline, so it was given up without calling a provider");
    }

    @Test
    void aClockBehindTheRequestersIsNoReasonToFail() {
        RequestDeadline deadline = at(ACCEPTED.minusSeconds(30));

        assertThat(deadline.expired(requestedAt(ACCEPTED))).isEmpty();
    }

    private static RequestDeadline at(Instant now) {
        // Never reached by expired(): only failIfExpired publishes.
        return new RequestDeadline(FIVE_MINUTES, Clock.fixed(now, ZoneOffset.UTC), null);
    }

    private static PersonaRequested requestedAt(Instant occurredAt) {
        return new PersonaRequested(UUID.randomUUID(), occurredAt, UUID.randomUUID(), "ada lovelace", "Ada Lovelace",
                "ada-lovelace", "a mathematician", MottoTone.NEUTRAL, ImageModel.LOCAL);
    }
}
