package com.personacomposer.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.util.backoff.FixedBackOff;

/** Work handed to another thread stays in its record's trace and logging context, and leaves none behind. */
class ConcurrentStageTest {

    private final ObservationRegistry observations = ObservationRegistry.create();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final ConcurrentStage stage = new ConcurrentStage(1, thread,
            new DeadLetterRecoverer(null, null, null, new SimpleMeterRegistry()), new FixedBackOff(0, 0),
            failure -> false);

    @AfterEach
    void stop() {
        thread.shutdownNow();
        MDC.clear();
    }

    @Test
    void workRunsInTheListenersObservationAndLoggingContext() throws Exception {
        observations.observationConfig().observationHandler(context -> true);
        ObservationThreadLocalAccessor.getInstance().setObservationRegistry(observations);
        Observation listener = Observation.start("persona.requested receive", observations);
        AtomicReference<Observation> current = new AtomicReference<>();
        AtomicReference<String> requestId = new AtomicReference<>();
        CountDownLatch acknowledged = new CountDownLatch(1);

        try (Observation.Scope scope = listener.openScope()) {
            MDC.put("requestId", "6f1c2a9e-0000-4000-8000-000000000001");
            var record = new ConsumerRecord<>("persona.requested", 0, 0L, "ada", "event");
            stage.submit(record, acknowledged::countDown, () -> {
                current.set(observations.getCurrentObservation());
                requestId.set(MDC.get("requestId"));
            });
            assertThat(acknowledged.await(5, TimeUnit.SECONDS)).as("acknowledged once done").isTrue();
        } finally {
            listener.stop();
        }

        assertThat(current.get()).as("what the work publishes continues the record's trace").isSameAs(listener);
        assertThat(requestId.get()).isEqualTo("6f1c2a9e-0000-4000-8000-000000000001");
        assertThat(thread.submit(() -> observations.getCurrentObservation() == null
                && MDC.getCopyOfContextMap() == null).get(5, TimeUnit.SECONDS))
                .as("the pooled thread is left without a context").isTrue();
    }
}
