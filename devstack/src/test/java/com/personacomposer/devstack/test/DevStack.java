package com.personacomposer.devstack.test;

import com.personacomposer.devstack.EmbeddedInfrastructure;
import com.personacomposer.devstack.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The infrastructure of this test JVM, started once on first use and stopped when the JVM exits.
 * {@code -Ddevstack.infra} (or DEVSTACK_INFRA) chooses it: {@code embedded} (the default: in-process Kafka,
 * mongo-java-server, s3proxy), {@code containers} (Testcontainers; tests are skipped where Docker is missing) or
 * {@code auto} (containers where Docker is available, else embedded).
 */
public final class DevStack {

    private static Infrastructure shared;

    private DevStack() {
    }

    public enum Mode { EMBEDDED, CONTAINERS, AUTO }

    public static Mode mode() {
        String value = System.getProperty("devstack.infra", System.getenv().getOrDefault("DEVSTACK_INFRA", "embedded"));
        return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** False only when containers were asked for and no Docker engine is reachable: then tests skip. */
    public static boolean usable() {
        return mode() != Mode.CONTAINERS || ContainerInfrastructure.dockerAvailable();
    }

    public static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = start();
            // The AWS SDK's default credential chain reads these; they are the local S3 server's dummy keys.
            System.setProperty("aws.accessKeyId", Infrastructure.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", Infrastructure.SECRET_KEY);
            Infrastructure started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-shutdown"));
        }
        return shared;
    }

    private static Infrastructure start() {
        boolean containers = switch (mode()) {
            case EMBEDDED -> false;
            case CONTAINERS -> true;
            case AUTO -> ContainerInfrastructure.dockerAvailable();
        };
        if (containers) {
            return ContainerInfrastructure.start();
        }
        try {
            Path scratch = Files.createTempDirectory("devstack-");
            return EmbeddedInfrastructure.forTests(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
