package com.personacomposer.kit.provider;

import java.time.Duration;

/**
 * The pause an offline provider (the local image model, the offline motto composer) takes before each result, so a
 * benchmark can make it answer as slowly as a paid one. Zero: no pause.
 */
public record SimulatedLatency(Duration pause) {

    public void await() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating latency", e);
        }
    }
}
