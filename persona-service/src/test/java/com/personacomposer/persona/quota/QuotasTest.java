package com.personacomposer.persona.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.personacomposer.persona.testing.MemoryMongo;
import com.personacomposer.persona.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Daily quotas per principal and the daily budget, counted atomically in MongoDB. */
class QuotasTest {

    private static final MemoryMongo mongo = new MemoryMongo();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T23:00:00Z"));
    private MongoDatabase database;
    private Quotas quotas;

    @BeforeEach
    void setUp() {
        database = mongo.database();
        quotas = new Quotas(database, new QuotaProperties(2, 3, Set.of("local")), clock);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void aPrincipalGetsItsDailyQuotaOfPaidRequestsThenIsToldWhenToComeBack() {
        assertThat(quotas.take("alice", "dall-e")).isEqualTo(LocalDate.parse("2025-03-01"));
        quotas.take("alice", "openjourney");

        assertThatThrownBy(() -> quotas.take("alice", "dall-e"))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
        assertThat(quotas.take("alice", "local")).as("free models are not counted").isNull();

        clock.advance(Duration.ofHours(1));
        assertThat(quotas.take("alice", "dall-e")).isEqualTo(LocalDate.parse("2025-03-02"));
    }

    @Test
    void theBudgetCountsEveryoneAndARefusedRequestKeepsNoUnit() {
        quotas.take("alice", "dall-e");
        quotas.take("bob", "dall-e");
        quotas.take(null, "dall-e");

        assertThatThrownBy(() -> quotas.take("carol", "dall-e")).isInstanceOf(QuotaExceededException.class);
        assertThat(quotas.used("carol", clock.instant())).isZero();

        quotas.giveBack("bob", LocalDate.parse("2025-03-01"));
        assertThat(quotas.used("bob", clock.instant())).isZero();
        quotas.take("carol", "dall-e");
        assertThat(quotas.used("carol", clock.instant())).isEqualTo(1);
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanTheQuota() throws Exception {
        quotas = new Quotas(database, new QuotaProperties(25, 1000, Set.of("local")), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(() -> {
                try {
                    quotas.take("racer", "dall-e");
                    return true;
                } catch (QuotaExceededException e) {
                    return false;
                }
            });
        }
        int taken = 0;
        try {
            for (Future<Boolean> call : pool.invokeAll(calls)) {
                taken += call.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }

        assertThat(taken).isEqualTo(25);
        assertThat(quotas.used("racer", clock.instant())).isEqualTo(25);
    }
}
