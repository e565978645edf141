package com.personacomposer.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A stage's work runs on a virtual thread when the service runs on virtual threads, else on a pooled thread. */
class ConcurrentStageThreadsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PipelineKafkaAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.auto-create=false",
                    "persona.kafka.partitions=1", "persona.kafka.replication-factor=1", "persona.kafka.retries=0",
                    "persona.kafka.retry-backoff=1ms", "persona.kafka.send-timeout=1s", "persona.kafka.max-in-flight=4");

    @Test
    void workRunsOnAVirtualThreadWhenVirtualThreadsAreEnabled() {
        service.withPropertyValues("spring.threads.virtual.enabled=true")
                .run(context -> assertThat(workerOf(context.getBean(ConcurrentStage.class)).isVirtual()).isTrue());
    }

    @Test
    void workRunsOnAPlatformThreadOtherwise() {
        service.run(context -> {
            Thread worker = workerOf(context.getBean(ConcurrentStage.class));
            assertThat(worker.isVirtual()).isFalse();
            assertThat(worker.getName()).startsWith("stage-");
        });
    }

    private static Thread workerOf(ConcurrentStage stage) throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        stage.submit(new ConsumerRecord<>("persona.requested", 0, 0L, "ada", "event"), () -> { },
                () -> worker.complete(Thread.currentThread()));
        return worker.get(5, TimeUnit.SECONDS);
    }
}
