package com.personacomposer.gateway.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in memory: a bucket holds up to {@code burst} tokens and refills at
 * {@code perMinute} tokens a minute; each request takes one. At most {@code maxClients} buckets are kept, the least
 * recently used forgotten first (a forgotten client starts again with a full bucket, as one that was quiet would).
 */
final class TokenBuckets {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    TokenBuckets(int perMinute, int burst, int maxClients, LongSupplier nanoTime) {
        this.capacity = burst;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes a token from the client's bucket: empty when it had one, else how long until it will. */
    synchronized Optional<Duration> take(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = new Bucket(capacity, now);
            buckets.put(client, bucket);
        } else {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
            bucket.updated = now;
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }

    synchronized int clients() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
