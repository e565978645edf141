package com.personacomposer.image.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.kit.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentRequestsTest {

    private final UUID requestId = UUID.randomUUID();
    private final AtomicInteger generated = new AtomicInteger();

    @Test
    void aRepeatGetsTheSameEventWithoutGeneratingAgain() {
        RecentRequests recent = new RecentRequests(Duration.ofMinutes(10), Clock.systemUTC());

        RecentRequests.Outcome first = recent.outcome(requestId, this::generate);
        RecentRequests.Outcome second = recent.outcome(requestId, this::generate);

        assertThat(first.repeated()).isFalse();
        assertThat(second.repeated()).isTrue();
        assertThat(second.event()).isSameAs(first.event());
        assertThat(generated).hasValue(1);
    }

    @Test
    void anOutcomeIsForgottenAfterTheTtl() {
        MutableClock clock = new MutableClock();
        RecentRequests recent = new RecentRequests(Duration.ofMinutes(10), clock);
        recent.outcome(requestId, this::generate);

        clock.advance(Duration.ofMinutes(10));
        RecentRequests.Outcome later = recent.outcome(requestId, this::generate);

        assertThat(later.repeated()).isFalse();
        assertThat(generated).hasValue(2);
    }

    @Test
    void aFailedGenerationIsNotRemembered() {
        RecentRequests recent = new RecentRequests(Duration.ofMinutes(10), Clock.systemUTC());

        assertThatThrownBy(() -> recent.outcome(requestId, () -> {
            throw new IllegalStateException("broker down");
        })).hasMessage("broker down");

        assertThat(recent.outcome(requestId, this::generate).repeated()).isFalse();
    }

    @Test
    void aConcurrentDeliveryWaitsForTheFirst() throws Exception {
        RecentRequests recent = new RecentRequests(Duration.ofMinutes(10), Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RecentRequests.Outcome> first = pool.submit(() -> recent.outcome(requestId, () -> {
                started.countDown();
                await(release);
                return generate();
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            Future<RecentRequests.Outcome> second = pool.submit(() -> recent.outcome(requestId, this::generate));
            Thread.sleep(100);
            assertThat(second.isDone()).isFalse();
            release.countDown();

            assertThat(second.get(5, TimeUnit.SECONDS).event()).isSameAs(first.get(5, TimeUnit.SECONDS).event());
            assertThat(generated).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private PersonaEvent generate() {
        generated.incrementAndGet();
        return PersonaFailed.of(requestId, "ada", FailureStage.IMAGE, "whatever");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
