package com.personacomposer.system;

import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The six PACKAGED service jars, each a separate JVM on free ports, wired to the given infrastructure exactly as a
 * deployment wires them: through environment variables only. Logs go to target/service-logs/{name}/.
 */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("persona-service", "image-service", "motto-service", "storage-service", "webhook-service",
                    "gateway-service");

    /**
     * The key webhook-service stores signing secrets under in these runs (a deployment's comes from its secret
     * store): base64 of 32 bytes.
     */
    static final String WEBHOOK_ENCRYPTION_KEY = "c3lzdGVtLXRlc3RzLXdlYmhvb2sta2V5LTMyLWJ5dGU=";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironment = new LinkedHashMap<>();
    private final Path logs;

    private ServiceProcesses(String name, Infrastructure infra, Map<String, String> extraEnvironment) {
        this.logs = Path.of("target", "service-logs", name);
        SERVICES.forEach(service -> ports.put(service, FreePorts.next()));
        environment.putAll(infra.serviceEnvironment());
        environment.put("PERSONA_SERVICE_URI", url("persona-service"));
        environment.put("IMAGE_SERVICE_URL", url("image-service"));
        environment.put("PERSONA_WEBHOOK_ENCRYPTION_KEY", WEBHOOK_ENCRYPTION_KEY);
        // Webhook receivers of these tests listen on loopback, as under ./run-local.
        environment.put("PERSONA_WEBHOOK_ALLOW_LOCAL", "true");
        environment.putAll(extraEnvironment);
    }

    static ServiceProcesses start(String name, Infrastructure infra, Map<String, String> extraEnvironment) {
        return start(name, infra, extraEnvironment, Map.of());
    }

    /** @param perService environment only one service gets (e.g. a provider key for image-service alone) */
    static ServiceProcesses start(String name, Infrastructure infra, Map<String, String> extraEnvironment,
                                  Map<String, Map<String, String>> perService) {
        return start(name, infra, extraEnvironment, perService, SERVICES);
    }

    /** Only {@code services} of the six (say, persona-service alone, for its own API). */
    static ServiceProcesses startOnly(String name, Infrastructure infra, Map<String, String> extraEnvironment,
                                      List<String> services) {
        return start(name, infra, extraEnvironment, Map.of(), services);
    }

    private static ServiceProcesses start(String name, Infrastructure infra, Map<String, String> extraEnvironment,
                                          Map<String, Map<String, String>> perService, List<String> which) {
        ServiceProcesses services = new ServiceProcesses(name, infra, extraEnvironment);
        services.serviceEnvironment.putAll(perService);
        try {
            Files.createDirectories(services.logs);
            for (String service : which) {
                services.launch(service);
            }
            for (String service : which) {
                services.awaitHealthy(service, Duration.ofSeconds(120));
            }
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            services.close();
            throw e;
        }
        return services;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String gateway() {
        return url("gateway-service");
    }

    Path log(String service) {
        return logs.resolve(service + ".log");
    }

    private void launch(String service) throws IOException {
        Path jar = ROOT.resolve(service).resolve("target").resolve(service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify (or package) first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(serviceEnvironment.getOrDefault(service, Map.of()));
        builder.environment().put("SERVER_PORT", String.valueOf(ports.get(service)));
        processes.put(service, builder.start());
    }

    /** kill -9: no shutdown hook, no goodbye to the broker, whatever was in flight is simply gone. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    void restart(String service) {
        try {
            launch(service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(service, Duration.ofSeconds(120));
    }

    private void awaitHealthy(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(url(service) + "/actuator/health");
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + log(service));
            }
            if (healthy(health)) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not healthy within " + timeout + "; see " + log(service));
    }

    /** Whether the actuator health endpoint at {@code health} answers UP (false while nothing listens there). */
    static boolean healthy(URI health) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
