package com.personacomposer.storage.memory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of image data the service may hold at once (downloads, their decoded pixels, thumbnails). Work reserves
 * what it may need before it allocates it and gives it back when done; a reservation waits, first come first served,
 * until enough is free. A reservation only ever waits while holding nothing (growing one never waits), so no two
 * pieces of work can wait on each other.
 * Published as {@value #IN_FLIGHT} (now), {@value #PEAK} (the most since start) and {@value #LIMIT}.
 */
public class MemoryBudget {

    static final String IN_FLIGHT = "persona.storage.in.flight";
    static final String PEAK = "persona.storage.in.flight.peak";
    static final String LIMIT = "persona.storage.in.flight.limit";

    private final long limit;
    private final Semaphore free;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public MemoryBudget(long limitBytes, MeterRegistry meters) {
        if (limitBytes < 1 || limitBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the budget must be between 1 byte and 2 GiB, not " + limitBytes);
        }
        this.limit = limitBytes;
        this.free = new Semaphore((int) limitBytes, true);
        Gauge.builder(IN_FLIGHT, inFlight, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of image data reserved by downloads, uploads and thumbnails now").register(meters);
        Gauge.builder(PEAK, peak, AtomicLong::get).baseUnit("bytes")
                .description("The most bytes of image data reserved at once since the service started").register(meters);
        Gauge.builder(LIMIT, () -> limit).baseUnit("bytes")
                .description("persona.storage.max-bytes-in-flight").register(meters);
    }

    public long limit() {
        return limit;
    }

    /** The most bytes reserved at once since start. */
    public long peak() {
        return peak.get();
    }

    /**
     * Waits until {@code bytes} are free and reserves them; close the reservation to give them back.
     *
     * @throws IllegalArgumentException when {@code bytes} exceed the whole budget (they would never be free)
     */
    public Reservation reserve(long bytes) {
        if (bytes < 0 || bytes > limit) {
            throw new IllegalArgumentException(bytes + " bytes exceed the in-flight budget of " + limit + " bytes");
        }
        try {
            free.acquire((int) bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + bytes + " bytes of the budget", e);
        }
        taken(bytes);
        return new Reservation(bytes);
    }

    private void taken(long bytes) {
        long now = inFlight.addAndGet(bytes);
        peak.accumulateAndGet(now, Math::max);
    }

    private void given(long bytes) {
        inFlight.addAndGet(-bytes);
        free.release((int) bytes);
    }

    /** Bytes held from the budget; closing it gives them all back. */
    public final class Reservation implements AutoCloseable {

        private long held;

        private Reservation(long held) {
            this.held = held;
        }

        public long held() {
            return held;
        }

        /**
         * Holds exactly {@code bytes} from now on: gives back what is beyond them, or takes what is missing if it is
         * free right now (never waits).
         *
         * @return false, holding what it held before, when more was needed than is free now
         */
        public boolean resizeTo(long bytes) {
            if (bytes <= held) {
                given(held - bytes);
                held = bytes;
                return true;
            }
            long more = bytes - held;
            if (more > limit || !free.tryAcquire((int) more)) {
                return false;
            }
            taken(more);
            held = bytes;
            return true;
        }

        @Override
        public void close() {
            given(held);
            held = 0;
        }
    }
}
