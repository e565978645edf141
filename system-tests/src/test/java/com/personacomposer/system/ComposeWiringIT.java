package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.EmbeddedInfrastructure;
import com.personacomposer.devstack.Infrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Containers cannot run here, so the compose wiring is exercised another way: each jar the Dockerfiles package is
 * started with exactly the environment docker-compose.yml gives its container (nothing inherited), only the
 * infrastructure hosts swapped for the devstack's, and the stack must come up and create a persona.
 */
class ComposeWiringIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");
    private static final Map<String, Integer> PORTS = Map.of("gateway-service", 8080, "persona-service", 8081,
            "image-service", 8082, "motto-service", 8083, "storage-service", 8084, "webhook-service", 8085);

    @Test
    void everyJarStartsWithTheEnvironmentComposeGivesIt() throws Exception {
        Map<String, Map<String, String>> environments = composeEnvironments();
        assertThat(environments.keySet()).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        Path logs = Files.createDirectories(Path.of("target", "service-logs", "compose"));
        List<Process> processes = new java.util.ArrayList<>();
        try (Infrastructure infra = EmbeddedInfrastructure.forTests(Files.createTempDirectory("compose-"))) {
            for (var service : environments.entrySet()) {
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                        ROOT.resolve(service.getKey()).resolve("target").resolve(service.getKey() + ".jar").toString())
                        .redirectErrorStream(true).redirectOutput(logs.resolve(service.getKey() + ".log").toFile());
                builder.environment().clear();
                builder.environment().putAll(translate(service.getValue(), infra));
                processes.add(builder.start());
            }
            for (var service : PORTS.entrySet()) {
                awaitHealthy(service.getKey(), service.getValue());
            }

            Api api = new Api("http://127.0.0.1:8080");
            Api.Reply accepted = api.post("/api/personas", "{\"name\": \"Compose Wired\", \"description\": \"blue\"}");
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            String requestId = accepted.body().get("requestId").asString();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!"COMPLETED".equals(api.get("/api/requests/" + requestId).body().get("status").asString())) {
                assertThat(System.nanoTime()).as("completed within 60 s").isLessThan(deadline);
                ServiceProcesses.sleep(200);
            }
        } finally {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> composeEnvironments() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(in)).get("services");
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            services.forEach((name, definition) -> {
                if (PORTS.containsKey(name)) {
                    Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) definition).get("environment");
                    Map<String, String> values = new LinkedHashMap<>();
                    environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
                    environments.put(name, values);
                }
            });
            return environments;
        }
    }

    /** ${VAR:-default} as compose resolves it with VAR unset; container hosts to where the devstack listens. */
    private static Map<String, String> translate(Map<String, String> environment, Infrastructure infra) {
        Map<String, String> translated = new LinkedHashMap<>();
        environment.forEach((key, raw) -> {
            Matcher defaulted = DEFAULTED.matcher(raw);
            String value = defaulted.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
            value = value.replace("broker:19092", infra.kafkaBootstrapServers())
                    .replace("mongodb://mongo:27017", infra.mongoUri())
                    .replace("http://minio:9000", infra.s3Endpoint())
                    .replace("http://localhost:9000", infra.s3Endpoint());
            for (String service : PORTS.keySet()) {
                value = value.replace("http://" + service + ":", "http://127.0.0.1:");
            }
            translated.put(key, value);
        });
        // The devstack S3 server's own credentials stand in for MinIO's root user.
        translated.computeIfPresent("AWS_ACCESS_KEY_ID", (key, value) -> Infrastructure.ACCESS_KEY);
        translated.computeIfPresent("AWS_SECRET_ACCESS_KEY", (key, value) -> Infrastructure.SECRET_KEY);
        return translated;
    }

    private static void awaitHealthy(String service, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        while (System.nanoTime() < deadline) {
            if (ServiceProcesses.healthy(health)) {
                return;
            }
            ServiceProcesses.sleep(250);
        }
        throw new AssertionError(service + " not healthy on " + port + " with compose's environment; see target/service-logs/compose/");
    }
}
