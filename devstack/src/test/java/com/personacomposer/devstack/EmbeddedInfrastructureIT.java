package com.personacomposer.devstack;

import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.devstack.test.DevStackExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared per-JVM infrastructure other modules' tests use (embedded unless -Ddevstack.infra says otherwise). */
@ExtendWith(DevStackExtension.class)
class EmbeddedInfrastructureIT extends InfrastructureContract {

    @Override
    Infrastructure infrastructure() {
        return DevStack.shared();
    }
}
