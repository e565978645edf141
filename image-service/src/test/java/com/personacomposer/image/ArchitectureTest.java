package com.personacomposer.image;

import com.personacomposer.kit.architecture.ServiceArchitectureTest;

/** The boundaries of image-service, as every service keeps them (see {@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("image");
    }
}
