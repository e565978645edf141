package com.personacomposer.kit.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.kit.testing.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanceledRequestsTest {

    private final MutableClock clock = new MutableClock();
    private final CanceledRequests canceled = new CanceledRequests(Duration.ofMinutes(5), clock);

    @Test
    void aHeardCancelIsRememberedForTheDeadlineThenForgotten() {
        PersonaCanceled event = canceledAgo(Duration.ZERO);

        canceled.heard(event);

        assertThat(canceled.isCanceled(event.requestId())).isTrue();
        assertThat(canceled.isCanceled(UUID.randomUUID())).isFalse();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(canceled.isCanceled(event.requestId())).isFalse();
    }

    @Test
    void aCancelOlderThanTheDeadlineIsNotRemembered() {
        PersonaCanceled old = canceledAgo(Duration.ofMinutes(6));

        canceled.heard(old);

        assertThat(canceled.isCanceled(old.requestId())).isFalse();
    }

    private PersonaCanceled canceledAgo(Duration ago) {
        return new PersonaCanceled(UUID.randomUUID(), clock.instant().minus(ago), UUID.randomUUID(), "ada", null);
    }
}
