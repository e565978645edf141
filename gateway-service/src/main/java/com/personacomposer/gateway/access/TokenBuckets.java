package com.personacomposer.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in memory: a bucket holds up to {@code burst} tokens and refills at
 * {@code perMinute} tokens a minute; each request takes one. A client quiet for as long as its bucket takes to fill
 * again is forgotten (its bucket would be full, as a new client's is), and at most {@code maxClients} are kept
 * (Caffeine chooses which to forget beyond that; a forgotten client starts again with a full bucket).
 */
final class TokenBuckets {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(int perMinute, int burst, int maxClients, LongSupplier nanoTime) {
        this.capacity = burst;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Duration.ofNanos((long) Math.ceil(burst / tokensPerNano)))
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** Takes a token from the client's bucket: empty when it had one, else how long until it will. */
    Optional<Duration> take(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.asMap().compute(client, (key, before) -> {
            double tokens = before == null ? capacity
                    : Math.min(capacity, before.tokens() + (now - before.updated()) * tokensPerNano);
            return new Bucket(tokens >= 1 ? tokens - 1 : tokens, now, tokens >= 1);
        });
        if (bucket.took()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens()) / tokensPerNano)));
    }

    /** How many clients have a bucket now. */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** The tokens left at {@code updated}, and whether the last request took one. */
    private record Bucket(double tokens, long updated, boolean took) {
    }
}
