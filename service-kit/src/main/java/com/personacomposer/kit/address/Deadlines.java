package com.personacomposer.kit.address;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Aborts exchanges that outlive their deadline: a socket timeout bounds each read, not a whole answer dripped out a
 * byte at a time. One daemon thread, so a stopping service never waits for it.
 */
public final class Deadlines implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    public Deadlines(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code abort} (say, {@code request::cancel}) after {@code nanos}, unless the returned future is canceled. */
    public ScheduledFuture<?> abortAfter(long nanos, Runnable abort) {
        return timer.schedule(abort, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
