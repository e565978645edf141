package com.personacomposer.webhook;

import com.personacomposer.kit.architecture.ServiceArchitectureTest;

/** The boundaries of webhook-service, as every service keeps them (see {@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("webhook");
    }
}
