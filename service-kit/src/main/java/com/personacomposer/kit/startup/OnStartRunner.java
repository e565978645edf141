package com.personacomposer.kit.startup;

import java.util.List;
import org.springframework.context.SmartLifecycle;

/** Runs the {@link OnStart} work when the context starts, in a phase before the web server and the Kafka listeners. */
public final class OnStartRunner implements SmartLifecycle {

    /** Phases run in ascending order; the web server and the listener containers start near Integer.MAX_VALUE. */
    public static final int PHASE = 0;

    private final List<OnStart> work;
    private volatile boolean running;

    public OnStartRunner(List<OnStart> work) {
        this.work = List.copyOf(work);
    }

    @Override
    public void start() {
        work.forEach(OnStart::onStart);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
