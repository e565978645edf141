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
 * deployment wires them: through environment variables only ({@link #startWithExactly}: with nothing but a given
 * environment each, as a container gets it). Like the image, each runs unpacked with an AOT cache
 * ({@link AotCaches}). Logs go to target/service-logs/{name}/.
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
    /** Seven JVMs starting on two busy cores have taken two minutes. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The java of the JDK these tests run on: every JVM they start runs on it. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironment = new LinkedHashMap<>();
    private final boolean exactEnvironment;
    private final Path logs;

    private ServiceProcesses(String name, Infrastructure infra, Map<String, String> extraEnvironment) {
        this.logs = Path.of("target", "service-logs", name);
        this.exactEnvironment = false;
        SERVICES.forEach(service -> ports.put(service, FreePorts.next()));
        environment.putAll(infra.serviceEnvironment());
        environment.put("PERSONA_SERVICE_URI", url("persona-service"));
        environment.put("IMAGE_SERVICE_URL", url("image-service"));
        environment.put("WEBHOOK_SERVICE_URI", url("webhook-service"));
        environment.put("PERSONA_WEBHOOK_ENCRYPTION_KEY", WEBHOOK_ENCRYPTION_KEY);
        // Webhook receivers of these tests listen on loopback, as under ./run-local.
        environment.put("PERSONA_WEBHOOK_ALLOW_LOCAL", "true");
        environment.putAll(extraEnvironment);
    }

    private ServiceProcesses(String name, Map<String, Integer> ports, Map<String, Map<String, String>> environments) {
        this.logs = Path.of("target", "service-logs", name);
        this.exactEnvironment = true;
        this.ports.putAll(ports);
        this.serviceEnvironment.putAll(environments);
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
        return services.startAll(which);
    }

    /**
     * The six jars, each with exactly {@code environments.get(service)} and nothing else (no variable of this JVM,
     * no port chosen here): each listens on its own configuration's port, given as {@code ports}, and answers
     * /actuator/health on MANAGEMENT_SERVER_PORT when its environment sets one.
     */
    static ServiceProcesses startWithExactly(String name, Map<String, Integer> ports,
                                             Map<String, Map<String, String>> environments) {
        return new ServiceProcesses(name, ports, environments).startAll(SERVICES);
    }

    private ServiceProcesses startAll(List<String> which) {
        try {
            Files.createDirectories(logs);
            for (String service : which) {
                launch(service);
            }
            for (String service : which) {
                awaitHealthy(service, START_TIMEOUT);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String gateway() {
        return url("gateway-service");
    }

    /** The service's packaged (Spring Boot) jar. */
    static Path jar(String service) {
        return ROOT.resolve(service).resolve("target").resolve(service + ".jar");
    }

    Path log(String service) {
        return logs.resolve(service + ".log");
    }

    private void launch(String service) throws IOException {
        Path jar = jar(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify (or package) first");
        }
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(AotCaches.JVM_OPTIONS);
        command.addAll(AotCaches.launch(service));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        if (exactEnvironment) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        builder.environment().putAll(serviceEnvironment.getOrDefault(service, Map.of()));
        if (!exactEnvironment) {
            builder.environment().put("SERVER_PORT", String.valueOf(ports.get(service)));
        }
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
        awaitHealthy(service, START_TIMEOUT);
    }

    private void awaitHealthy(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String management = serviceEnvironment.getOrDefault(service, Map.of()).get("MANAGEMENT_SERVER_PORT");
        URI health = URI.create((management == null ? url(service) : "http://127.0.0.1:" + management) + "/actuator/health");
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
