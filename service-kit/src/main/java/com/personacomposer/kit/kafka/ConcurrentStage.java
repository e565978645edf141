package com.personacomposer.kit.kafka;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Runs slow per-record work (provider calls, downloads) concurrently, up to a bound, instead of one record at a time
 * per partition. A listener returns the future this gives it; Spring Kafka then acknowledges each record when its work
 * is done and commits offsets in order (out-of-order acks are held back), so delivery stays at-least-once. When the
 * bound is reached the consumer thread waits for a slot: that is the backpressure. Work that fails is handed to the
 * dead-letter recoverer (dead-letter topic + PersonaFailed) and the record is acknowledged: nothing is dropped silently.
 * Before that, work that failed for a reason that may pass (a broker, database or bucket briefly away) is retried with
 * the same back-off as the error handler uses for ordinary listeners. The work runs in the listener's context: its
 * trace (so what it publishes continues the record's trace) and its logging context (requestId).
 */
public class ConcurrentStage {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final Semaphore slots;
    private final ExecutorService executor;
    private final DeadLetterRecoverer deadLetters;
    private final BackOff backOff;
    private final Predicate<Throwable> retryable;

    public ConcurrentStage(int maxInFlight, ExecutorService executor, DeadLetterRecoverer deadLetters, BackOff backOff,
                           Predicate<Throwable> retryable) {
        this.slots = new Semaphore(maxInFlight);
        this.executor = executor;
        this.deadLetters = deadLetters;
        this.backOff = backOff;
        this.retryable = retryable;
    }

    public CompletableFuture<Void> submit(ConsumerRecord<?, ?> record, Runnable work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        ContextSnapshot context = SNAPSHOTS.captureAll();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            return CompletableFuture.runAsync(() -> run(record, work, context, logContext), executor);
        } catch (RuntimeException rejected) {
            slots.release();
            return CompletableFuture.failedFuture(rejected);
        }
    }

    public int available() {
        return slots.availablePermits();
    }

    private void run(ConsumerRecord<?, ?> record, Runnable work, ContextSnapshot context,
                     Map<String, String> logContext) {
        try (ContextSnapshot.Scope scope = context.setThreadLocals()) {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                runWithRetries(work);
            } catch (RuntimeException | Error failure) {
                deadLetters.accept(record, failure instanceof Exception e ? e : new IllegalStateException(failure));
            }
        } finally {
            slots.release();
            MDC.clear();
        }
    }

    private void runWithRetries(Runnable work) {
        BackOffExecution pauses = backOff.start();
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException failure) {
                long pause = retryable.test(failure) ? pauses.nextBackOff() : BackOffExecution.STOP;
                if (pause == BackOffExecution.STOP) {
                    throw failure;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }
}
