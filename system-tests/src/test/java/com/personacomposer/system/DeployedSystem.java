package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.EmbeddedInfrastructure;
import com.personacomposer.devstack.test.BrowserSignIn;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.WebDriver;

/**
 * A deployment's own configuration, run here: the six packaged jars started with exactly the environment a
 * deployment gives their containers, only what cannot be reached from here replaced by a local stand-in
 * ({@link DeployedEnvironments}): the devstack's Kafka, MongoDB wire server and S3 server, the devstack OpenID
 * provider, a stubbed paid provider. The services listen on their own ports (8080-8085), so the tests hold those.
 */
@ResourceLock(DeployedEnvironments.PORTS_LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployedSystem {

    static final String GATEWAY = "http://localhost:" + DeployedEnvironments.PORTS.get("gateway-service");

    /** What an operator puts in Secrets Manager or compose's .env file. */
    static final Map<String, String> SECRETS = Map.of(
            "PERSONA_API_KEYS", "journey=" + UUID.randomUUID().toString().replace("-", ""),
            "PERSONA_VOTER_SECRET", UUID.randomUUID().toString(),
            "OPENAI_API_KEY", "sk-deployed-journey",
            "REPLICATE_API_TOKEN", "r8_deployed_journey",
            "PERSONA_WEBHOOK_ENCRYPTION_KEY", ServiceProcesses.WEBHOOK_ENCRYPTION_KEY);

    private EmbeddedInfrastructure infra;
    private OpenAiStub openAi;
    private OidcProviderProcess provider;
    private DeployedEnvironments deployed;
    private ServiceProcesses services;

    /** The OpenID provider the deployment's issuer stands for. */
    abstract OidcProviderProcess startProvider();

    /** The deployment's environments with the stand-ins. */
    abstract DeployedEnvironments environments(DeployedEnvironments.StandIns standIns);

    /** The name the page shows for demo once signed in; null where the provider gives no readable name. */
    abstract String accountName();

    @BeforeAll
    void deploy() throws IOException {
        String name = getClass().getSimpleName();
        infra = EmbeddedInfrastructure.forTests(Files.createTempDirectory(name));
        openAi = OpenAiStub.start();
        provider = startProvider();
        deployed = environments(new DeployedEnvironments.StandIns(infra, provider, openAi, SECRETS));
        System.out.println(name + " replaced, and nothing else:\n  " + String.join("\n  ", deployed.replaced()));
        services = ServiceProcesses.startWithExactly(name, DeployedEnvironments.PORTS, deployed.environments());
    }

    @AfterAll
    void undeploy() throws Exception {
        Stopping.all(services, provider, openAi, infra);
    }

    OidcProviderProcess provider() {
        return provider;
    }

    @Test
    void aReaderSignsInCreatesWithAPaidModelVotesDeletesAndSignsOut() {
        WebDriver browser = Chromium.open();
        try {
            SignedInJourney.run(browser, GATEWAY, provider.hostedUi(), accountName());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theAccessTokenOfThePagesClientIsAcceptedAndItsIdTokenIsNot() {
        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(provider.issuer(), provider.clientId(), "demo", "demo");
        Api api = new Api(GATEWAY);
        assertThat(api.get("/api/me", tokens.accessToken()).status()).as("the access token").isEqualTo(200);
        assertThat(api.get("/api/me", tokens.idToken()).status()).as("the ID token").isEqualTo(401);
    }

    @Test
    void actuatorIsOnTheManagementPortAndNeverOnAServicesOwnPort() {
        DeployedEnvironments.PORTS.forEach((service, port) -> {
            String management = deployed.managementPort(service);
            assertThat(management).as("%s has a management port", service).isNotNull();
            assertThat(Api.fetch("http://127.0.0.1:" + management + "/actuator/health/liveness").statusCode())
                    .as("%s's liveness on its management port", service).isEqualTo(200);
            for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/%61ctuator/prometheus"}) {
                assertThat(Api.fetch("http://127.0.0.1:" + port + path).statusCode())
                        .as("%s on %s's own port", path, service).isIn(401, 404);
            }
        });
    }
}
