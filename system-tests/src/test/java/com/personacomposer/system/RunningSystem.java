package com.personacomposer.system;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStack;
import java.util.Map;

/**
 * One running system per test JVM: starting seven JVMs is the slow part, so test classes share it. Its services export
 * their spans to an OTLP receiver in this JVM ({@link #traces()}).
 */
final class RunningSystem {

    /** Held by the test classes that use it, one at a time: each reads counters and lists that others would move. */
    static final String LOCK = "the running system";

    private static ServiceProcesses services;
    private static OtlpReceiver traces;

    private RunningSystem() {
    }

    static synchronized ServiceProcesses get() {
        if (services == null) {
            Infrastructure infra = DevStack.shared();
            if (traces == null) {
                traces = OtlpReceiver.start();
            }
            services = ServiceProcesses.start("system", infra, Map.of(
                    OtlpReceiver.ENDPOINT_VARIABLE, traces.endpoint(),
                    // Spans reach the receiver within a second instead of the default five.
                    "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms",
                    // Every test class posts from this one address; the per-client limit has tests of its own.
                    "PERSONA_RATE_LIMIT_PER_MINUTE", "0"));
            ServiceProcesses started = services;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "system-shutdown"));
        }
        return services;
    }

    static synchronized OtlpReceiver traces() {
        get();
        return traces;
    }

    static Infrastructure infrastructure() {
        return DevStack.shared();
    }
}
