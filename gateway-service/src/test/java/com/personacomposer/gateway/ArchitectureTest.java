package com.personacomposer.gateway;

import com.personacomposer.kit.architecture.ServiceArchitectureTest;

/** The boundaries of gateway-service, as every service keeps them (see {@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("gateway");
    }
}
