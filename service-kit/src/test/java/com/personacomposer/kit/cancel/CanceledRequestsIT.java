package com.personacomposer.kit.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.kit.kafka.EventPublisher;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Cancels heard on a real broker, by a service whose pipeline listeners are off. */
@SpringBootTest(classes = CanceledRequestsIT.TestApp.class, properties = {
        "spring.application.name=kit-cancel-test",
        "spring.kafka.listener.auto-startup=false"})
@DevStackTest
class CanceledRequestsIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    CanceledRequests canceled;

    @Test
    void everyInstanceHearsEveryCancel() {
        PersonaCanceled event = PersonaCanceled.of(UUID.randomUUID(), "ada-" + UUID.randomUUID(), null);

        publisher.publish(event);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!canceled.isCanceled(event.requestId())) {
            assertThat(System.nanoTime()).as("the cancel heard within 30 s").isLessThan(deadline);
            sleep();
        }
        assertThat(canceled.isCanceled(UUID.randomUUID())).isFalse();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootApplication
    @Import(CanceledRequestsConfiguration.class)
    static class TestApp {
    }
}
