package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aQuietClientMaySendABurstThenOneAtTheSteadyRate() {
        TokenBuckets buckets = new TokenBuckets(60, 3, 100, now::get);

        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).contains(Duration.ofSeconds(1));

        advance(Duration.ofMillis(400));
        assertThat(buckets.take("a")).hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(600)));
        advance(Duration.ofMillis(600));
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isPresent();
    }

    @Test
    void aBucketRefillsOnlyUpToTheBurst() {
        TokenBuckets buckets = new TokenBuckets(60, 2, 100, now::get);
        buckets.take("a");

        advance(Duration.ofHours(1));

        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isPresent();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);

        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).contains(Duration.ofMinutes(1));
        assertThat(buckets.take("b")).isEmpty();
    }

    @Test
    void aClientQuietUntilItsBucketIsFullAgainIsForgottenAndStartsFull() {
        TokenBuckets buckets = new TokenBuckets(60, 2, 100, now::get);
        buckets.take("a");
        buckets.take("a");
        buckets.take("b");

        advance(Duration.ofSeconds(2));

        assertThat(buckets.clients()).as("both buckets are full again: nothing to remember").isZero();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).as("a full bucket of two, no more").isPresent();
    }

    @Test
    void noMoreClientsAreKeptThanTheBound() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 50, now::get);

        for (int client = 0; client < 1_000; client++) {
            buckets.take("client-" + client);
        }

        assertThat(buckets.clients()).isLessThanOrEqualTo(50);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
