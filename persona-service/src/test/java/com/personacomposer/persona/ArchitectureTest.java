package com.personacomposer.persona;

import com.personacomposer.kit.architecture.ServiceArchitectureTest;

/** The boundaries of persona-service, as every service keeps them (see {@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("persona");
    }
}
