package com.personacomposer.kit.kafka;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Runs slow per-record work (provider calls, downloads) concurrently, up to a bound, instead of one record at a time
 * per partition. A listener using it names it as its container post-processor, which switches the container to
 * manual acks, and hands each record with its {@link Acknowledgment} to {@link #submit}: a record is acknowledged when
 * its work is over and every earlier record of its partition is too ({@link InOrderAcks}), so delivery stays
 * at-least-once while the consumer keeps polling. When the bound is reached the consumer thread waits for a slot: that
 * is the backpressure. Work that fails is handed to the dead-letter recoverer (dead-letter topic + PersonaFailed) and
 * the record is acknowledged: nothing is dropped silently. Before that, work that failed for a reason that may pass (a
 * broker, database or bucket briefly away) is retried with the same back-off as the error handler uses for ordinary
 * listeners. The work runs in the listener's context: its trace (so what it publishes continues the record's trace)
 * and its logging context (requestId).
 */
public class ConcurrentStage
        implements ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> {

    /** The bean name a listener gives as {@code @KafkaListener(containerPostProcessor = ...)}. */
    public static final String LISTENER_SETUP = "concurrentStage";

    private static final Logger log = LoggerFactory.getLogger(ConcurrentStage.class);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final Semaphore slots;
    private final ExecutorService executor;
    private final DeadLetterRecoverer deadLetters;
    private final BackOff backOff;
    private final Predicate<Throwable> retryable;
    private final InOrderAcks acks = new InOrderAcks();

    public ConcurrentStage(int maxInFlight, ExecutorService executor, DeadLetterRecoverer deadLetters, BackOff backOff,
                           Predicate<Throwable> retryable) {
        this.slots = new Semaphore(maxInFlight);
        this.executor = executor;
        this.deadLetters = deadLetters;
        this.backOff = backOff;
        this.retryable = retryable;
    }

    /** Called by the listener on the consumer thread; returns once the work is handed to a worker. */
    public void submit(ConsumerRecord<?, ?> record, Acknowledgment ack, Runnable work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free slot", e);
        }
        InOrderAcks.Pending pending = acks.track(record, ack);
        ContextSnapshot context = SNAPSHOTS.captureAll();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            executor.execute(() -> run(record, work, pending, context, logContext));
        } catch (RuntimeException rejected) {
            pending.withdraw();
            slots.release();
            throw rejected;
        }
    }

    @Override
    public void postProcess(AbstractMessageListenerContainer<Object, Object> container) {
        container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        container.getContainerProperties().setConsumerRebalanceListener(acks);
    }

    private void run(ConsumerRecord<?, ?> record, Runnable work, InOrderAcks.Pending pending, ContextSnapshot context,
                     Map<String, String> logContext) {
        boolean settled = false;
        try (ContextSnapshot.Scope scope = context.setThreadLocals()) {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                runWithRetries(work);
            } catch (RuntimeException | Error failure) {
                deadLetters.accept(record, failure instanceof Exception e ? e : new IllegalStateException(failure));
            }
            settled = true;
        } catch (RuntimeException deadLetteringFailed) {
            // Left unacknowledged: its partition's committed offset stays before it, so it is delivered again after
            // a restart or rebalance rather than lost.
            log.error("could not dead-letter {}-{}@{}", record.topic(), record.partition(), record.offset(),
                    deadLetteringFailed);
        } finally {
            if (settled) {
                pending.done();
            }
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
