package com.personacomposer.system;

import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.util.List;
import org.junit.jupiter.api.Order;

/**
 * docker-compose.yml, run here (no container engine): each jar started with exactly the environment compose gives its
 * container, resolved with an .env file of test values, its other containers replaced by the devstack's servers and
 * Keycloak's persona realm by the devstack provider (the same client, persona-web, and users)
 * ({@link DeployedEnvironments#compose}).
 */
@Order(2)
class ComposeWiringIT extends DeployedSystem {

    @Override
    OidcProviderProcess startProvider() {
        return OidcProviderProcess.start(FreePorts.next(), List.of());
    }

    @Override
    DeployedEnvironments environments(DeployedEnvironments.StandIns standIns) {
        return DeployedEnvironments.compose(standIns);
    }

    @Override
    String accountName() {
        return "demo";
    }
}
