package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.test.BrowserSignIn;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The ECS task definitions, run here: each service's environment and secrets exactly as Terraform renders them for its
 * task definition, with Amazon's services replaced by local ones ({@link DeployedEnvironments#taskDefinitions}) and the
 * Cognito user pool by the devstack provider shaped like one: the sign-in form and the token endpoint on the hosted
 * UI's origin, not the issuer's; a generated client id; access tokens with client_id and token_use instead of aud.
 */
@Order(3)
class TaskDefinitionsIT extends DeployedSystem {

    @Override
    OidcProviderProcess startProvider() {
        return OidcProviderProcess.startCognitoShaped(FreePorts.next(), FreePorts.next(), List.of());
    }

    @Override
    DeployedEnvironments environments(DeployedEnvironments.StandIns standIns) {
        return DeployedEnvironments.taskDefinitions(standIns);
    }

    /** Cognito's access tokens name the user by username, a UUID in a pool whose users sign in with an e-mail address. */
    @Override
    String accountName() {
        return null;
    }

    @Test
    void anotherClientsAccessTokenIsRefused() {
        String other = BrowserSignIn.signIn(provider().issuer(), provider().otherClientId(), "demo", "demo").accessToken();
        assertThat(new Api(GATEWAY).get("/api/me", other).status()).as("an access token of another client of the pool")
                .isEqualTo(401);
    }
}
