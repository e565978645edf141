package com.personacomposer.devstack;

import com.personacomposer.devstack.test.ContainerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;

/** The same contract on real Kafka, MongoDB and MinIO containers; skipped where no Docker engine runs. */
@EnabledIf(value = "com.personacomposer.devstack.test.ContainerInfrastructure#dockerAvailable",
        disabledReason = "no Docker engine: container infrastructure cannot run here")
class ContainerInfrastructureIT extends InfrastructureContract {

    private static ContainerInfrastructure containers;

    @BeforeAll
    static void start() {
        containers = ContainerInfrastructure.start();
    }

    @AfterAll
    static void stop() {
        containers.close();
    }

    @Override
    Infrastructure infrastructure() {
        return containers;
    }
}
