package com.personacomposer.kit.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service as ECS and compose run it: actuator on a port of its own ({@code MANAGEMENT_SERVER_PORT}, Spring's
 * {@code management.server.port}; a free one here). The management port serves health and metrics; the public port
 * serves no actuator endpoint in any spelling a server or a proxy might read as one. Each service has a test that
 * extends this one (its package finds the service's application).
 * <p>
 * Requests go out over a plain socket, exactly as written: an HTTP client would tidy the paths first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@DevStackTest
public abstract class ManagementPortContract {

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesHealthAndMetrics() {
        assertThat(managementPort).isNotEqualTo(publicPort);
        Answer liveness = get(managementPort, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        Answer metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# HELP");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/actuator", "/actuator/", "/actuator/health", "/actuator/health/liveness", "/actuator/prometheus",
        "/%61ctuator/prometheus", "/actuator/%70rometheus", "/%61%63%74%75%61%74%6f%72/health",
        "/ACTUATOR/health", "/Actuator/Prometheus", "/actuator/PROMETHEUS",
        "/actuator;x=y/health", "/actuator/health;x=y", "/actuator;/prometheus", "/;x=y/actuator/health",
        "//actuator/health", "/actuator//prometheus", "///actuator/prometheus",
        "/actuator./health", "/actuator/health.", "/actuator/prometheus.txt", "/actuator/health/",
        "/./actuator/health", "/api/../actuator/health", "/%2e/actuator/health", "/api/%2e%2e/actuator/health",
        "/actuator%2fhealth", "/actuator%2Fprometheus", "/actuator%5chealth", "/actuator/health%00",
        "/actuator/health?x=y", "/actuator/health#x"})
    void thePublicPortServesNoActuatorInAnySpelling(String path) {
        Answer answer = get(publicPort, path);

        assertThat(answer.status()).as("GET %s on the public port", path).isIn(400, 401, 404);
        assertThat(answer.body()).as("GET %s on the public port", path)
                .doesNotContain("\"status\":\"UP\"").doesNotContain("# HELP").doesNotContain("\"_links\"");
    }

    private record Answer(int status, String body) {
    }

    private static Answer get(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = readAll(socket.getInputStream());
            String statusLine = response.substring(0, response.indexOf("\r\n"));
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
