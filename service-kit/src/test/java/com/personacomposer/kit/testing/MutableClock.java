package com.personacomposer.kit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock (in UTC) that a test moves by hand; every service's tests share it through this test-jar. It stands still
 * where it starts, or {@link #running()} follows the real time, moved by what the test set.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private volatile Duration moved = Duration.ZERO;

    /** Standing still at 2025-01-01T00:00:00Z. */
    public MutableClock() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** Standing still at {@code start}. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** The real time: time still passes, and a test can move it (to live a day earlier, say). */
    public static MutableClock running() {
        return new MutableClock(Clock.systemUTC());
    }

    /** Moves the clock by {@code duration}; a negative one moves it back. */
    public synchronized void advance(Duration duration) {
        moved = moved.plus(duration);
    }

    /** Back where it started, or to the real time when {@link #running()}. */
    public void reset() {
        moved = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(moved);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
