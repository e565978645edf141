package com.personacomposer.bench;

import java.util.Arrays;

/** Exact percentiles of a finished run (every sample kept: runs are thousands, not millions). */
final class Latencies {

    private final long[] sortedNanos;

    Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    int count() {
        return sortedNanos.length;
    }

    /** Nearest-rank percentile in milliseconds; 0 when there are no samples. */
    double percentileMillis(double percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
