package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The environments the deployments give the six services, with only what cannot be reached from here replaced by
 * its local stand-in: each ECS task definition's environment and secrets exactly as Terraform renders them
 * ({@code deploy/validate --print-task-environments}), and each compose service's environment as compose resolves it
 * with an .env file. Every replacement is listed in {@link #replaced()}.
 */
final class DeployedEnvironments {

    /** Held by the test classes that bind the services' own ports (these tests and ./run-local's). */
    static final String PORTS_LOCK = "ports 8080-8085";
    /** Where each service listens by its own configuration (server.port), in every deployment. */
    static final Map<String, Integer> PORTS = Map.of("gateway-service", 8080, "persona-service", 8081,
            "image-service", 8082, "motto-service", 8083, "storage-service", 8084, "webhook-service", 8085);

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");
    private static final Pattern SERVICE_URL = Pattern.compile("^http://([a-z]+-service):(\\d+)$");
    private static final List<String> AWS_ADDRESSES = List.of("amazonaws.com", "amazoncognito.com", "arn:aws:");

    /**
     * What stands in for the outside world.
     *
     * @param secrets the values an operator would put in Secrets Manager (ECS) or in compose's .env file
     */
    record StandIns(Infrastructure infra, OidcProviderProcess provider, OpenAiStub openAi, Map<String, String> secrets) {
    }

    private final StandIns standIns;
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<String> replaced = new ArrayList<>();
    private final Map<String, String> managementPorts = new LinkedHashMap<>();

    private DeployedEnvironments(StandIns standIns) {
        this.standIns = standIns;
    }

    /** What each ECS task definition gives its container, with AWS's services replaced by the stand-ins. */
    static DeployedEnvironments taskDefinitions(StandIns standIns) {
        DeployedEnvironments environments = new DeployedEnvironments(standIns);
        JsonNode rendered = renderTaskDefinitions();
        for (String service : ServiceProcesses.SERVICES) {
            Map<String, String> env = new LinkedHashMap<>();
            rendered.get(service).get("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
            for (var secret : rendered.get(service).get("secrets").properties()) {
                env.put(secret.getKey(), environments.secret(service, secret.getKey(), secret.getValue().asString()));
            }
            environments.environments.put(service, environments.forTask(service, env));
        }
        return environments;
    }

    /** What docker-compose.yml gives each application container, with its other containers replaced by the stand-ins. */
    static DeployedEnvironments compose(StandIns standIns) {
        DeployedEnvironments environments = new DeployedEnvironments(standIns);
        composeFile().forEach((service, env) -> environments.environments.put(service, environments.forComposeService(service, env)));
        return environments;
    }

    /** Each service's whole environment. */
    Map<String, Map<String, String>> environments() {
        return environments;
    }

    /** "service: NAME (what it was) -> what it is now" for every value replaced or added. */
    List<String> replaced() {
        return replaced;
    }

    // ---- ECS

    private Map<String, String> forTask(String service, Map<String, String> env) {
        Infrastructure infra = standIns.infra();
        replace(service, env, "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        if ("aws".equals(env.get("SPRING_PROFILES_ACTIVE"))) {
            // The aws profile stays on (its MSK IAM settings are loaded); the devstack broker speaks plaintext and
            // has one replica where MSK Serverless keeps three.
            add(service, env, "SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            add(service, env, "PERSONA_KAFKA_REPLICATION_FACTOR", "1");
        }
        if (env.containsKey("S3_BUCKET_NAME")) {
            replace(service, env, "S3_BUCKET_NAME", Infrastructure.BUCKET);
            add(service, env, "S3_ENDPOINT", infra.s3Endpoint());
            // The task role's credentials, from the default chain on AWS.
            add(service, env, "AWS_ACCESS_KEY_ID", Infrastructure.ACCESS_KEY);
            add(service, env, "AWS_SECRET_ACCESS_KEY", Infrastructure.SECRET_KEY);
        }
        // DocumentDB speaks TLS with the Amazon RDS CAs (the bundle the image carries at /app/certs); the wire server
        // speaks plain TCP.
        if (env.containsKey("SPRING_MONGODB_SSL_ENABLED")) {
            replace(service, env, "SPRING_MONGODB_SSL_ENABLED", "false");
        }
        env.computeIfPresent("SPRING_SSL_BUNDLE_PEM_DOCUMENTDB_TRUSTSTORE_CERTIFICATE", (name, value) -> {
            String local = value.replace("file:/app/certs/global-bundle.pem",
                    "file:" + ROOT.resolve("docker/certs/rds-global-bundle.pem"));
            replaced.add(service + ": " + name + " (" + value + ") -> " + local);
            return local;
        });
        if (service.equals("gateway-service")) {
            replace(service, env, "PERSONA_OIDC_ISSUER_URI", standIns.provider().issuer());
            replace(service, env, "PERSONA_OIDC_CLIENT_ID", standIns.provider().clientId());
        }
        return common(service, env);
    }

    private String secret(String service, String name, String arn) {
        String value = name.equals("MONGODB_URI") ? standIns.infra().mongoUri() : standIns.secrets().get(name);
        assertThat(value).as("a stand-in for the secret %s of %s", name, service).isNotNull();
        replaced.add(service + ": " + name + " (Secrets Manager " + arn + ") -> " + (name.equals("MONGODB_URI") ? value : "a test value"));
        return value;
    }

    // ---- compose

    private Map<String, String> forComposeService(String service, Map<String, String> raw) {
        Infrastructure infra = standIns.infra();
        Map<String, String> env = new LinkedHashMap<>();
        raw.forEach((name, value) -> env.put(name, interpolate(value)));
        for (var entry : env.entrySet()) {
            String value = entry.getValue();
            String local = value.replace("broker:19092", infra.kafkaBootstrapServers())
                    .replace("mongodb://mongo:27017", infra.mongoUri())
                    .replace("http://minio:9000", infra.s3Endpoint())
                    .replace("http://localhost:9000", infra.s3Endpoint())
                    .replace("http://keycloak.localhost:9100/realms/persona", standIns.provider().issuer());
            if (!local.equals(value)) {
                replaced.add(service + ": " + entry.getKey() + " (" + value + ") -> " + local);
                entry.setValue(local);
            }
        }
        // MinIO's root user stands for the devstack S3 server's own local credentials.
        env.computeIfPresent("AWS_ACCESS_KEY_ID", (name, value) -> Infrastructure.ACCESS_KEY);
        env.computeIfPresent("AWS_SECRET_ACCESS_KEY", (name, value) -> Infrastructure.SECRET_KEY);
        return common(service, env);
    }

    /** ${VAR:-default} as compose resolves it: VAR from the .env file (the stand-ins' secrets), else the default. */
    private String interpolate(String value) {
        Matcher defaulted = DEFAULTED.matcher(value);
        return defaulted.replaceAll(match -> Matcher.quoteReplacement(
                standIns.secrets().getOrDefault(match.group(1), match.group(2))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> composeFile() {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(in)).get("services");
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : ServiceProcesses.SERVICES) {
                Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("environment");
                Map<String, String> values = new LinkedHashMap<>();
                environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
                environments.put(service, values);
            }
            return environments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- both

    /**
     * What every deployment needs here: the services' DNS names (Service Connect, the compose network) are this
     * host; the management port, one per container there, is one per process here; the paid providers are the stub.
     */
    private Map<String, String> common(String service, Map<String, String> env) {
        for (var entry : env.entrySet()) {
            Matcher url = SERVICE_URL.matcher(entry.getValue());
            if (url.matches() && PORTS.containsKey(url.group(1))) {
                String local = "http://127.0.0.1:" + url.group(2);
                replaced.add(service + ": " + entry.getKey() + " (" + entry.getValue() + ") -> " + local);
                entry.setValue(local);
            }
        }
        if (env.containsKey("MANAGEMENT_SERVER_PORT")) {
            String port = Integer.toString(FreePorts.next());
            managementPorts.put(service, port);
            replace(service, env, "MANAGEMENT_SERVER_PORT", port);
        }
        if (env.containsKey("OPENAI_API_KEY")) {
            add(service, env, "OPENAI_BASE_URL", standIns.openAi().baseUrl());
        }
        if (env.containsKey("REPLICATE_API_TOKEN")) {
            add(service, env, "REPLICATE_BASE_URL", standIns.openAi().baseUrl());
        }
        if (service.equals("storage-service")) {
            add(service, env, "STORAGE_ALLOWED_IMAGE_HOSTS", standIns.openAi().imageHost());
        }
        env.forEach((name, value) -> assertThat(AWS_ADDRESSES).as("%s of %s still points at AWS: %s", name, service, value)
                .noneMatch(value::contains));
        return env;
    }

    private void replace(String service, Map<String, String> env, String name, String local) {
        String before = env.get(name);
        assertThat(before).as("%s of %s (the deployment no longer sets it?)", name, service).isNotNull();
        env.put(name, local);
        replaced.add(service + ": " + name + " (" + before + ") -> " + local);
    }

    private void add(String service, Map<String, String> env, String name, String local) {
        String before = env.put(name, local);
        replaced.add(service + ": " + name + " (" + (before == null ? "not set" : before) + ") -> " + local);
    }

    /** The management port of a service, where its environment sets one. */
    String managementPort(String service) {
        return managementPorts.get(service);
    }

    private static JsonNode renderTaskDefinitions() {
        Path validate = ROOT.resolve("deploy/validate");
        boolean node = Files.isExecutable(Path.of("/usr/bin/node")) || Files.isExecutable(Path.of("/usr/local/bin/node"));
        if (!node && System.getenv("CI") == null) {
            Assumptions.abort("Node.js is not installed: deploy/validate renders the Terraform with it");
        }
        try {
            Path errors = Files.createTempFile("render-task-environments-", ".log");
            Process render = new ProcessBuilder(validate.toString(), "--print-task-environments")
                    .redirectError(errors.toFile()).start();
            byte[] json = render.getInputStream().readAllBytes();
            assertThat(render.waitFor(5, TimeUnit.MINUTES)).as("deploy/validate --print-task-environments ends").isTrue();
            assertThat(render.exitValue()).as("deploy/validate --print-task-environments:\n" + Files.readString(errors)).isZero();
            return Api.JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
