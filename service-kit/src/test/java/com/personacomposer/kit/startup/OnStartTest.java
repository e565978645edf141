package com.personacomposer.kit.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

class OnStartTest {

    /** Where Spring Boot starts the web server (WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE). */
    private static final int WEB_SERVER_PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OnStartAutoConfiguration.class))
            .withBean("webServer", SmartLifecycle.class,
                    () -> new Starting("web server", WEB_SERVER_PHASE, started))
            .withBean("listeners", SmartLifecycle.class,
                    () -> new Starting("listeners", AbstractMessageListenerContainer.DEFAULT_PHASE, started));

    @Test
    void runsAsTheServiceStartsBeforeItServesRequestsOrHandlesRecords() {
        service.withBean("indexes", OnStart.class, () -> () -> started.add("indexes"))
                .withBean("topics", OnStart.class, () -> () -> started.add("topics"))
                .run(context -> assertThat(started).containsExactlyInAnyOrder("indexes", "topics", "web server",
                        "listeners").endsWith("web server", "listeners"));
    }

    @Test
    void aFailureStopsTheStartAsItDidWhileTheBeansWereMade() {
        service.withBean("indexes", OnStart.class, () -> () -> {
                    throw new IllegalStateException("the database refused the index");
                })
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessage("the database refused the index");
                    assertThat(started).doesNotContain("web server", "listeners");
                });
    }

    /** Stands in for what Boot starts in {@code phase}: while it runs, its name is in {@link #started}. */
    private record Starting(String name, int phase, List<String> started) implements SmartLifecycle {

        @Override
        public void start() {
            started.add(name);
        }

        @Override
        public void stop() {
            started.remove(name);
        }

        @Override
        public boolean isRunning() {
            return started.contains(name);
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }
}
