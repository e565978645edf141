package com.personacomposer.webhook.delivery;

import com.personacomposer.kit.observability.RequestIdLogging;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every sweep interval: claims the deliveries that are due (each with a conditional update on the {@code due} it read,
 * so several instances share the work and each delivery is worked on by one), up to the free places of a bounded pool,
 * and hands them to the pool; and publishes delivery states whose announcement is overdue. A delivery an instance
 * claimed but never settled (it died mid-attempt) is due again when its lease ends, for any instance: at least once.
 * On shutdown no new delivery is claimed and the attempts in flight are waited for.
 */
@Component
class DeliverySweep implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweep.class);
    private static final int ANNOUNCE_BATCH = 100;

    private final DeliveryStore store;
    private final DeliveryWork work;
    private final DeliveryAnnouncer announcer;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final Semaphore places;
    private volatile boolean stopping;

    DeliverySweep(DeliveryStore store, DeliveryWork work, DeliveryAnnouncer announcer, DeliveryProperties properties,
                  Clock clock) {
        this.store = store;
        this.work = work;
        this.announcer = announcer;
        this.properties = properties;
        this.clock = clock;
        int bound = properties.maxConcurrent();
        this.places = new Semaphore(bound);
        this.workers = new ThreadPoolExecutor(bound, bound, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new CustomizableThreadFactory("webhook-"));
        workers.allowCoreThreadTimeOut(true);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    void sweep() {
        if (stopping) {
            return;
        }
        Instant now = now();
        for (Delivery owed : store.unannounced(now.minus(properties.announceDelay()), ANNOUNCE_BATCH)) {
            announcer.announce(owed);
        }
        int free = places.availablePermits();
        if (free == 0) {
            return;
        }
        for (Delivery due : store.due(now, free)) {
            if (stopping || !places.tryAcquire()) {
                return;
            }
            Optional<Delivery> claimed = store.claim(due, now.plus(properties.claimLease()), UUID.randomUUID().toString());
            if (claimed.isEmpty()) {
                places.release();
                continue;
            }
            submit(claimed.get(), now);
        }
    }

    private void submit(Delivery claimed, Instant now) {
        try {
            workers.execute(() -> {
                MDC.put(RequestIdLogging.MDC_KEY, claimed.requestId().toString());
                try {
                    work.process(claimed);
                } catch (RuntimeException e) {
                    // Left claimed: due again when the lease ends.
                    log.error("webhook delivery {} could not be worked on; it is due again at {}", claimed.id(),
                            claimed.due(), e);
                } finally {
                    MDC.remove(RequestIdLogging.MDC_KEY);
                    places.release();
                }
            });
        } catch (RejectedExecutionException stopped) {
            places.release();
            store.release(claimed, now);
        }
    }

    /** Waits for the attempts in flight (each bounded by its timeout), so a stop leaves none half-recorded. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        workers.shutdown();
        if (!workers.awaitTermination(properties.claimLease().toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("webhook attempts still in flight at shutdown; they are due again when their claims end");
            workers.shutdownNow();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
