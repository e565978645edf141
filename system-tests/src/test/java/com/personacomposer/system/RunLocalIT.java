package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.BrowserSignIn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code ./run-local} as a newcomer uses it: it comes up on the well-known ports on a JDK 25, serves the API, stops
 * every process it started on SIGTERM, and the data is still there after a restart. Its OpenID provider signs a user
 * in, and the gateway takes that user's token where a principal is needed. Nothing listens beyond the loopback
 * address, except the gateway when asked to ({@code --bind}). Every process starts with an AOT cache made once after
 * a build, and a cache that is gone or does not fit never stops a start.
 */
@Order(13)
@ResourceLock(DeployedEnvironments.PORTS_LOCK)
class RunLocalIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int GATEWAY = 8080;
    private static final List<Integer> PORTS = List.of(GATEWAY, 8081, 8082, 8083, 8084, 8085, 9092, 27017, 9000, 9100);
    /** Each process's AOT cache and the module run-local keeps it in. */
    private static final Map<String, String> CACHES = Map.of("devstack-infra", "devstack",
            "devstack-oidc", "devstack", "gateway-service", "gateway-service", "persona-service", "persona-service",
            "image-service", "image-service", "motto-service", "motto-service", "storage-service", "storage-service",
            "webhook-service", "webhook-service");

    @Test
    void startsServesStopsCleanlyAndKeepsData() throws Exception {
        assertThat(PORTS).as("run-local's ports must be free for this test").noneMatch(RunLocalIT::listening);
        Path dataDir = Files.createTempDirectory("run-local-");
        String name = "Run Local " + UUID.randomUUID().toString().substring(0, 6);

        Process first = start(dataDir, "first.log");
        List<ProcessHandle> stack = first.descendants().toList();
        assertThat(stack).as("infrastructure + six services").hasSizeGreaterThanOrEqualTo(7);
        for (int port : PORTS) {
            assertThat(ListeningSockets.on(port)).as("port %d listens on the loopback address only", port)
                    .isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        }
        Api api = new Api("http://localhost:8080");
        Api.Reply accepted = api.post("/api/personas", "{\"name\": \"" + name + "\"}");
        assertThat(accepted.status()).isEqualTo(202);
        String slug = accepted.body().get("slug").asString();
        api.awaitCompleted(accepted.body().get("requestId").asString());
        String imageId = api.get("/api/personas/" + Api.segment(slug)).body().get("images").get(0).get("id").asString();
        String votes = "/api/personas/" + Api.segment(slug) + "/images/" + imageId + "/votes";
        assertThat(api.post(votes, "{\"direction\":\"up\"}").status()).as("anonymous vote").isEqualTo(401);
        String token = BrowserSignIn.signIn("http://localhost:9100", "demo", "demo").accessToken();
        assertThat(api.post(votes, "{\"direction\":\"up\"}", token).status()).as("signed-in vote").isEqualTo(200);
        stop(first, stack);
        assertThat(CACHES).allSatisfy((cache, module) -> assertThat(cache(module, cache)).isNotEmptyFile());

        // Another jar's cache where the gateway's should be, and persona-service's gone.
        Files.copy(cache("motto-service", "motto-service"), cache("gateway-service", "gateway-service"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.delete(cache("persona-service", "persona-service"));
        Process second = start(dataDir, "second.log", "--bind", "0.0.0.0");
        List<ProcessHandle> restarted = second.descendants().toList();
        try {
            assertThat(ListeningSockets.on(GATEWAY)).as("asked to, the gateway listens on every interface")
                    .anyMatch(InetAddress::isAnyLocalAddress);
            for (int port : PORTS.subList(1, PORTS.size())) {
                assertThat(ListeningSockets.on(port)).as("port %d stays on the loopback address", port)
                        .isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
            }
            assertThat(Files.readString(dataDir.resolve("second.log")))
                    .as("a deleted cache is made again").containsPattern("making the AOT caches.*persona-service");
            assertThat(Files.readString(dataDir.resolve("logs").resolve("gateway-service.log")))
                    .as("the JVM refused the other jar's cache, and the gateway started without it")
                    .containsPattern("\\[error *]\\[aot]");
            Api.Reply kept = api.get("/api/personas/" + Api.segment(slug));
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.body().get("images")).hasSize(1);
            assertThat(Api.fetch(kept.body().get("images").get(0).get("url").asString()).statusCode()).isEqualTo(200);
        } finally {
            stop(second, restarted);
            // The next run-local makes the gateway's own cache again.
            Files.deleteIfExists(cache("gateway-service", "gateway-service"));
        }
    }

    private static Process start(Path dataDir, String logName, String... options) throws IOException, InterruptedException {
        Path log = dataDir.resolve(logName);
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("run-local").toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PERSONA_DATA_DIR", dataDir.toString());
        builder.environment().remove("GATEWAY_BIND_ADDRESS");
        Process process = builder.start();
        // The first start after a build also makes the AOT caches.
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (!Files.readString(log).contains("Persona Composer is up")) {
            assertThat(process.isAlive()).as("run-local exited:\n" + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("healthy within 300 s:\n" + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(250);
        }
        String output = Files.readString(log);
        for (String service : ServiceProcesses.SERVICES) {
            assertThat(output).contains(service + " healthy on http://localhost:");
        }
        assertThat(output).contains("open http://localhost:8080");
        assertThat(output).as("the JDK run-local runs on").containsPattern("version \"25[.\"]");
        while (!Files.readString(log).contains("users: demo / demo, alice / alice")) {
            assertThat(System.nanoTime()).as("sign-in help printed:\n" + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
        return process;
    }

    private static Path cache(String module, String cache) {
        return ROOT.resolve(module).resolve("target").resolve("aot").resolve(cache + ".aot");
    }

    private static void stop(Process runLocal, List<ProcessHandle> stack) throws InterruptedException {
        runLocal.destroy(); // SIGTERM
        assertThat(runLocal.waitFor(60, TimeUnit.SECONDS)).as("run-local exits after SIGTERM").isTrue();
        assertThat(stack).as("no process of the stack remains").noneMatch(ProcessHandle::isAlive);
        assertThat(PORTS).as("every port released").noneMatch(RunLocalIT::listening);
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
