package com.personacomposer.devstack.oidc;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code java -jar devstack.jar oidc [--port N] [--access-token-ttl T] [--cognito [--hosted-ui-port M]]}: the OpenID
 * provider on its own, issuer {@code http://localhost:N} (default DEVSTACK_OIDC_PORT or 9100), users from
 * DEVSTACK_USERS, extra page origins from DEVSTACK_OIDC_ORIGINS, access tokens living T (as {@code 20s} or
 * {@code 15m}; default 30 minutes: tests shorten it to see a session renewed); with {@code --cognito} shaped like a
 * Cognito user pool ({@link CognitoShape}), its hosted UI on port M (default N + 1). Prints a line ending in "; ready" once it answers, naming the issuer,
 * the hosted UI and the client ids; stops on SIGTERM or Ctrl-C.
 */
public final class OidcMain {

    public static final int DEFAULT_PORT = 9100;

    private OidcMain() {
    }

    public static void run(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        String fromEnvironment = System.getenv("DEVSTACK_OIDC_PORT");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            port = Integer.parseInt(fromEnvironment.strip());
        }
        Integer hostedUiPort = null;
        boolean cognito = false;
        Duration accessTokenLifetime = OidcProvider.DEFAULT_ACCESS_TOKEN_LIFETIME;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--hosted-ui-port" -> hostedUiPort = Integer.parseInt(value(args, ++i));
                case "--access-token-ttl" -> accessTokenLifetime = DurationStyle.detectAndParse(value(args, ++i));
                case "--cognito" -> cognito = true;
                default -> throw new IllegalArgumentException("unknown option of devstack.jar oidc: " + args[i]);
            }
        }
        DevUsers users = DevUsers.fromEnvironment();
        String origins = System.getenv("DEVSTACK_OIDC_ORIGINS");
        List<String> extraOrigins = origins == null ? List.of()
                : Arrays.stream(origins.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        OidcProvider provider = cognito
                ? OidcProvider.startCognitoShaped(port, hostedUiPort == null ? port + 1 : hostedUiPort, users, extraOrigins,
                        accessTokenLifetime)
                : OidcProvider.start(port, users, extraOrigins, accessTokenLifetime);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("devstack: oidc stopping");
            provider.close();
            stopped.countDown();
        }, "devstack-oidc-stop"));
        CognitoShape shape = provider.cognito();
        System.out.println("devstack: oidc   issuer " + provider.issuer()
                + (shape == null ? "" : ", hosted UI " + shape.hostedUi()) + ", client " + provider.clientId()
                + (shape == null ? "" : ", other client " + shape.otherClientId())
                + ", users " + users.names() + ", access tokens live " + accessTokenLifetime.toSeconds() + " s; ready");
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
