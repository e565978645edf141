package com.personacomposer.devstack.test;

import com.personacomposer.devstack.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The devstack OpenID provider in a process of its own ({@code devstack.jar oidc}), for tests of modules that must
 * not have Spring Security's servlet side on their classpath: {@link #shared()} once per test JVM on a free port,
 * stopped at exit, or {@link #start(int, List)} for a test of its own. The jar is found beside devstack's classes
 * (devstack/target), or at {@code -Ddevstack.jar=PATH}.
 */
public final class OidcProviderProcess implements AutoCloseable {

    private static OidcProviderProcess shared;

    private final Process process;
    private final String issuer;

    private OidcProviderProcess(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    public static synchronized OidcProviderProcess shared() {
        if (shared == null) {
            shared = start(FreePorts.next(), List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "devstack-oidc-stop"));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    /**
     * Starts a provider with issuer {@code http://localhost:<port>}, the default users (demo, alice) and, besides
     * the default page origins, {@code pageOrigins} (say, a gateway on a free port): they may sign in and be sent
     * back to their {@code /}. The caller closes it.
     */
    public static OidcProviderProcess start(int port, List<String> pageOrigins) {
        Path jar = devstackJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "oidc", "--port", Integer.toString(port)).redirectErrorStream(true);
        builder.environment().remove("DEVSTACK_USERS");
        builder.environment().put("DEVSTACK_OIDC_ORIGINS", String.join(",", pageOrigins));
        try {
            Process process = builder.start();
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitReady(process));
            if (!ready.get(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the devstack OpenID provider exited before it was ready");
            }
            return new OidcProviderProcess(process, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the devstack OpenID provider did not start", e);
        }
    }

    /** Reads the output until the ready line, then keeps draining it so the process never blocks on a full pipe. */
    private static boolean awaitReady(Process process) {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.endsWith("; ready")) {
                    Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "devstack-oidc-output");
                    drain.setDaemon(true);
                    drain.start();
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path devstackJar() {
        String configured = System.getProperty("devstack.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path classes = Path.of(OidcProviderProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = classes.getParent().resolve("devstack.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no " + jar + ": package devstack first (./mvnw -pl devstack package)");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
