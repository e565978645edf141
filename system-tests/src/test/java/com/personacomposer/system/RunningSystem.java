package com.personacomposer.system;

import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStack;
import java.util.Map;

/** One running system per test JVM: starting six JVMs is the slow part, so test classes share it. */
final class RunningSystem {

    private static ServiceProcesses services;

    private RunningSystem() {
    }

    static synchronized ServiceProcesses get() {
        if (services == null) {
            Infrastructure infra = DevStack.shared();
            services = ServiceProcesses.start("system", infra, Map.of());
            ServiceProcesses started = services;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "system-shutdown"));
        }
        return services;
    }

    static Infrastructure infrastructure() {
        return DevStack.shared();
    }
}
