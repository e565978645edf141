package com.personacomposer.devstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar devstack.jar infra}: the local infrastructure on its well-known ports, data under .devstack/.
 * Stops cleanly on SIGTERM or Ctrl-C. {@code java -jar devstack.jar oidc}: the OpenID provider on its own.
 */
public final class DevStackMain {

    private static final String USAGE = """
            usage: java -jar devstack.jar infra [--data-dir DIR]
                   java -jar devstack.jar oidc [--port N] [--cognito [--hosted-ui-port M]]

              infra   start a Kafka KRaft broker on 9092, a MongoDB wire-protocol server on 27017 and an
                      S3-compatible server on 9000 (bucket persona-images), keeping data under DIR
                      (default .devstack) between runs. Ports: DEVSTACK_KAFKA_PORT, DEVSTACK_MONGO_PORT,
                      DEVSTACK_S3_PORT. S3 credentials: devstack / devstack-secret.
              oidc    start an OpenID provider with issuer http://localhost:N (default 9100, DEVSTACK_OIDC_PORT),
                      form login for the users in DEVSTACK_USERS (default demo:demo,alice:alice) and the
                      public client persona-web (authorization code + PKCE, refresh tokens).
                      --access-token-ttl T: access tokens live T (20s, 15m; default 30m). --cognito: shaped like an
                      Amazon Cognito user pool (sign-in and token endpoints on the hosted UI's port M, default
                      N + 1; generated client ids; Cognito's token claims).
            """;

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "oidc".equals(args[0])) {
            com.personacomposer.devstack.oidc.OidcMain.run(args);
            return;
        }
        if (args.length == 0 || !"infra".equals(args[0])) {
            System.err.print(USAGE);
            System.exit(args.length == 0 || args[0].equals("--help") ? 0 : 2);
        }
        Path dataDir = Path.of(option(args, "--data-dir", ".devstack"));
        quietServerLogs();
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.persistent(dataDir,
                port("DEVSTACK_KAFKA_PORT", 9092), port("DEVSTACK_MONGO_PORT", 27017), port("DEVSTACK_S3_PORT", 9000));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("devstack: stopping");
            infra.close();
            stopped.countDown();
        }, "devstack-stop"));
        System.out.println("devstack: kafka  listening on " + infra.kafkaBootstrapServers());
        System.out.println("devstack: mongo  listening on " + infra.mongoUri());
        System.out.println("devstack: s3     listening on " + infra.s3Endpoint() + " (bucket " + Infrastructure.BUCKET + ")");
        System.out.println("devstack: data in " + dataDir.toAbsolutePath() + "; ready");
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** The servers log every partition and segment at INFO; a developer only needs warnings. */
    private static void quietServerLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
}
