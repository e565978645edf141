package com.personacomposer.motto;

import com.personacomposer.kit.architecture.ServiceArchitectureTest;

/** The boundaries of motto-service, as every service keeps them (see {@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("motto");
    }
}
