package com.personacomposer.devstack.oidc;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack.jar oidc [--port N]}: the OpenID provider on its own, issuer {@code http://localhost:N}
 * (default DEVSTACK_OIDC_PORT or 9100), users from DEVSTACK_USERS, extra page origins from DEVSTACK_OIDC_ORIGINS.
 * Prints a line ending in "; ready" once it answers; stops on SIGTERM or Ctrl-C.
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
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        DevUsers users = DevUsers.fromEnvironment();
        String origins = System.getenv("DEVSTACK_OIDC_ORIGINS");
        List<String> extraOrigins = origins == null ? List.of()
                : Arrays.stream(origins.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        OidcProvider provider = OidcProvider.start(port, users, extraOrigins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("devstack: oidc stopping");
            provider.close();
            stopped.countDown();
        }, "devstack-oidc-stop"));
        System.out.println("devstack: oidc   issuer " + provider.issuer() + ", client " + OidcProvider.CLIENT_ID
                + ", users " + users.names() + "; ready");
        stopped.await();
    }
}
