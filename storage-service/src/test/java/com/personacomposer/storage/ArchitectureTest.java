package com.personacomposer.storage;

import com.personacomposer.kit.architecture.ServiceArchitectureTest;

/** The boundaries of storage-service, as every service keeps them (see {@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("storage");
    }
}
