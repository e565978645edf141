package com.personacomposer.persona.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.persona.testing.MemoryMongo;
import com.personacomposer.persona.testing.MutableClock;
import com.personacomposer.persona.web.TooManyRequestsException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Daily quotas and the budget, counted in the devstack's Mongo server in memory, with a clock moved by hand. */
class QuotasTest {

    private static final MemoryMongo mongo = new MemoryMongo();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T23:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    private Quotas quotas(int daily, int budget) {
        return new Quotas(mongo.database(), new QuotaProperties(daily, budget, Set.of("local")), meters, clock);
    }

    private static String request() {
        return UUID.randomUUID().toString();
    }

    private double refusals(String scope) {
        return meters.get(QuotaMetrics.REFUSALS).tag("scope", scope).counter().count();
    }

    @Test
    void aPrincipalBeyondItsQuotaIsRefusedUntilTheNextUtcDay() {
        Quotas quotas = quotas(2, 100);
        assertThat(quotas.charge(request(), "alice", "dall-e")).isTrue();
        assertThat(quotas.charge(request(), "alice", "openjourney")).isTrue();

        assertThatThrownBy(() -> quotas.charge(request(), "alice", "dall-e"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, refused ->
                        assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1)))
                .hasMessageContaining("2 requests");
        assertThat(refusals(QuotaMetrics.PRINCIPAL)).isEqualTo(1);
        assertThat(quotas.charge(request(), "bob", "dall-e")).isTrue();
        assertThat(quotas.charge(request(), "alice", "local")).as("free models are not counted").isFalse();
        assertThat(quotas.usage("alice")).isEqualTo(
                new Quotas.Usage(2, 2, Instant.parse("2025-03-02T00:00:00Z")));

        clock.advance(Duration.ofMinutes(61)); // 00:01 the next day
        assertThat(quotas.usage("alice").used()).isZero();
        assertThat(quotas.charge(request(), "alice", "dall-e")).isTrue();
        assertThat(quotas.usage("alice")).isEqualTo(
                new Quotas.Usage(1, 2, Instant.parse("2025-03-03T00:00:00Z")));
    }

    @Test
    void theBudgetCapsAllPrincipalsAndAnonymousPaidRequestsTogether() {
        Quotas quotas = quotas(5, 3);
        quotas.charge(request(), "alice", "dall-e");
        quotas.charge(request(), "bob", "dall-e");
        quotas.charge(request(), null, "dall-e");

        assertThatThrownBy(() -> quotas.charge(request(), "carol", "dall-e"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("budget");
        assertThat(refusals(QuotaMetrics.BUDGET)).isEqualTo(1);
        assertThat(quotas.usage("carol").used()).as("a refused request counts nowhere").isZero();
        assertThat(quotas.charge(request(), null, "local")).isFalse();
        assertThat(meters.get(QuotaMetrics.BUDGET_USED).gauge().value()).isEqualTo(3);
        assertThat(meters.get(QuotaMetrics.BUDGET_LIMIT).gauge().value()).isEqualTo(3);
    }

    @Test
    void principalCountersAndTheBudgetNeverShareACounterWhateverThePrincipalIsCalled() {
        Quotas quotas = quotas(2, 10);
        for (String principal : List.of("budget", "user:budget", "key:ci", "user:key:ci")) {
            assertThat(quotas.charge(request(), principal, "dall-e")).isTrue();
        }
        assertThat(quotas.charge(request(), "budget", "dall-e")).isTrue();

        assertThatThrownBy(() -> quotas.charge(request(), "budget", "dall-e"))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("2 requests");
        assertThat(quotas.usage("budget").used()).isEqualTo(2);
        assertThat(quotas.usage("user:budget").used()).isEqualTo(1);
        assertThat(quotas.usage("key:ci").used()).isEqualTo(1);
        assertThat(quotas.usage("user:key:ci").used()).isEqualTo(1);
        assertThat(meters.get(QuotaMetrics.BUDGET_USED).gauge().value()).as("one unit per accepted request").isEqualTo(5);
    }

    @Test
    void aRequestCountsOnceHoweverOftenItIsCharged() {
        Quotas quotas = quotas(5, 100);
        String id = request();
        assertThat(quotas.charge(id, "alice", "dall-e")).isTrue();
        assertThat(quotas.charge(id, "alice", "dall-e")).isFalse();
        assertThat(quotas.usage("alice").used()).isEqualTo(1);
    }

    @Test
    void aUnitIsGivenBackOnceAndOnlyForACountedRequest() {
        Quotas quotas = quotas(2, 100);
        String first = request();
        quotas.charge(first, "alice", "dall-e");
        quotas.charge(request(), "alice", "dall-e");

        quotas.giveBack(first);
        quotas.giveBack(first);
        quotas.giveBack(request());

        assertThat(quotas.usage("alice").used()).isEqualTo(1);
        assertThat(meters.get(QuotaMetrics.BUDGET_USED).gauge().value()).isEqualTo(1);
        assertThat(quotas.charge(request(), "alice", "dall-e")).isTrue();
        assertThatThrownBy(() -> quotas.charge(request(), "alice", "dall-e"))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aUnitGivenBackAfterMidnightGoesToTheDayItWasCountedOn() {
        Quotas quotas = quotas(2, 100);
        String late = request();
        quotas.charge(late, "alice", "dall-e");
        clock.advance(Duration.ofHours(2));
        quotas.charge(request(), "alice", "dall-e");

        quotas.giveBack(late);

        assertThat(quotas.usage("alice").used()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsNeverExceedTheQuotaOrTheBudget() throws Exception {
        Quotas quotas = quotas(7, 20);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String principal = "p" + (i % 4);
                calls.add(() -> {
                    try {
                        return quotas.charge(request(), principal, "dall-e");
                    } catch (TooManyRequestsException refused) {
                        return false;
                    }
                });
            }
            long accepted = 0;
            for (Future<Boolean> outcome : threads.invokeAll(calls)) {
                accepted += outcome.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(20);
            long perPrincipal = 0;
            for (int p = 0; p < 4; p++) {
                long used = quotas.usage("p" + p).used();
                assertThat(used).isLessThanOrEqualTo(7);
                perPrincipal += used;
            }
            assertThat(perPrincipal).isEqualTo(20);
            assertThat(meters.get(QuotaMetrics.BUDGET_USED).gauge().value()).isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
    }
}
