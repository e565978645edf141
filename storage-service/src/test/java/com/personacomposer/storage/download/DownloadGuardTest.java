package com.personacomposer.storage.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.kit.image.ImageFormat;
import com.personacomposer.kit.testing.FixedDns;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

class DownloadGuardTest {

    private static final int FIFTY_MB = 50 * 1024 * 1024;
    private static HttpServer server;
    private static String base;
    private static int port;

    private DownloadGuard guard;

    @BeforeAll
    static void startImageHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/png", 200, "text/plain", TestImages.png());
        serve("/jpeg", 200, "image/png", TestImages.jpeg());
        serve("/webp", 200, "application/octet-stream", TestImages.webp());
        serve("/text", 200, "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
        serve("/missing", 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
        serve("/broken", 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        redirect("/redirect-metadata", "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        redirect("/redirect-png", "/png");
        redirect("/redirect-twice", "/redirect-png");
        redirect("/loop", "/loop");
        server.createContext("/big", exchange -> stream(exchange, 0));
        server.createContext("/big-declared", exchange -> stream(exchange, FIFTY_MB));
        server.createContext("/slow", exchange -> {
            sleep(Duration.ofSeconds(3));
            respond(exchange, 200, "image/png", TestImages.png());
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopImageHost() {
        server.stop(0);
    }

    @AfterEach
    void closeGuard() {
        if (guard != null) {
            guard.close();
        }
    }

    private static DownloadProperties properties(List<String> allowedHosts, Duration timeout) {
        return new DownloadProperties(URI.create("http://localhost:8082"), allowedHosts, DataSize.ofMegabytes(20),
                Duration.ofSeconds(5), timeout, 3);
    }

    private DownloadGuard guard(List<String> allowedHosts) {
        guard = new DownloadGuard(properties(allowedHosts, Duration.ofSeconds(30)));
        return guard;
    }

    private DownloadGuard guardResolving(Map<String, String[]> dns, List<String> allowedHosts) {
        guard = new DownloadGuard(properties(allowedHosts, Duration.ofSeconds(30)), new FixedDns(dns));
        return guard;
    }

    static Stream<Arguments> refusals() {
        int closedPort = port + 1 == 65536 ? port - 1 : port + 1;
        return Stream.of(
                Arguments.of("metadata IP", "http://169.254.169.254/latest/meta-data/",
                        "download refused: 169.254.169.254 is a link-local address"),
                Arguments.of("metadata IP as IPv4-mapped IPv6", "http://[::ffff:169.254.169.254]/latest/meta-data/",
                        "download refused: ::ffff:169.254.169.254 is a link-local address"),
                Arguments.of("loopback on a port not allowed", "http://127.0.0.1:" + closedPort + "/png",
                        "download refused: 127.0.0.1 is a loopback address"),
                Arguments.of("IPv6 loopback", "http://[::1]:" + port + "/png",
                        "download refused: ::1 is a loopback address"),
                Arguments.of("private 10/8", "http://10.1.2.3/image.png",
                        "download refused: 10.1.2.3 is a private address"),
                Arguments.of("private 172.16/12", "http://172.20.0.5/image.png",
                        "download refused: 172.20.0.5 is a private address"),
                Arguments.of("private 192.168/16", "https://192.168.1.1/image.png",
                        "download refused: 192.168.1.1 is a private address"),
                Arguments.of("unique local IPv6", "http://[fd12:3456::1]/image.png",
                        "download refused: fd12:3456::1 is a private (unique local) address"),
                Arguments.of("any-local", "http://0.0.0.0:" + port + "/png",
                        "download refused: 0.0.0.0 is an unspecified (any-local) address"),
                Arguments.of("multicast", "http://224.0.0.1/image.png",
                        "download refused: 224.0.0.1 is a multicast address"),
                Arguments.of("file URL", "file:///etc/passwd",
                        "download refused: the scheme 'file' is not allowed (only http and https)"),
                Arguments.of("ftp URL", "ftp://127.0.0.1:" + port + "/png",
                        "download refused: the scheme 'ftp' is not allowed (only http and https)"),
                Arguments.of("jar URL", "jar:file:/tmp/x.jar!/image.png",
                        "download refused: the scheme 'jar' is not allowed (only http and https)"),
                Arguments.of("relative URL", "/png", "download refused: the scheme '' is not allowed"),
                Arguments.of("credentials in the URL", "http://user:secret@127.0.0.1:" + port + "/png",
                        "download refused: URLs with credentials are not allowed"),
                Arguments.of("public host not in the allow-list", "https://example.com/image.png",
                        "download refused: example.com is not an allowed image host"),
                Arguments.of("provider host over http", "http://replicate.delivery/pbxt/abc/out-0.png",
                        "download refused: provider image host replicate.delivery is only fetched over https"),
                Arguments.of("lookalike of a provider host", "https://replicate.delivery.evil.example/out-0.png",
                        "download refused: replicate.delivery.evil.example is not an allowed image host"),
                Arguments.of("another Azure blob account", "https://attacker.blob.core.windows.net/x.png",
                        "download refused: attacker.blob.core.windows.net is not an allowed image host"),
                Arguments.of("redirect to the metadata IP", base + "/redirect-metadata",
                        "download refused: 169.254.169.254 is a link-local address (the cloud metadata service), "
                                + "after 1 redirect"),
                Arguments.of("redirect loop", base + "/loop", "download refused: more than 3 redirects"),
                Arguments.of("a body that is not an image", base + "/text",
                        "download refused: the body from 127.0.0.1 is not a PNG, JPEG or WebP image"),
                Arguments.of("a 50 MB body, streamed", base + "/big",
                        "download refused: the image is larger than the 20 MB limit"),
                Arguments.of("a 50 MB body, announced", base + "/big-declared",
                        "download refused: the image is larger than the 20 MB limit"),
                Arguments.of("an expired image URL", base + "/missing",
                        "download failed: image host 127.0.0.1 answered HTTP 404 (the image URL may have expired)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithAClearReason(String what, String url, String reason) {
        DownloadGuard guard = guard(List.of("127.0.0.1:" + port));

        assertThatThrownBy(() -> guard.download(url))
                .isInstanceOf(DownloadRefusedException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void downloadsFromAnExplicitlyAllowedHostAndTakesTheTypeFromTheBytes() {
        DownloadGuard guard = guard(List.of(" 127.0.0.1:" + port, "images.example.org"));

        DownloadedImage png = guard.download(base + "/png");
        assertThat(png.bytes()).isEqualTo(TestImages.png());
        assertThat(png.format()).isEqualTo(ImageFormat.PNG);
        assertThat(png.format().contentType()).isEqualTo("image/png");
        assertThat(guard.download(base + "/jpeg").format()).isEqualTo(ImageFormat.JPEG);
        assertThat(guard.download(base + "/webp").format()).isEqualTo(ImageFormat.WEBP);
    }

    @Test
    void followsUpToThreeRedirectsOnAllowedHosts() {
        DownloadGuard guard = guard(List.of("127.0.0.1:" + port));

        assertThat(guard.download(base + "/redirect-twice").bytes()).isEqualTo(TestImages.png());
    }

    @Test
    void allowsImageServicesOwnHostEvenOnLoopback() {
        guard = new DownloadGuard(new DownloadProperties(URI.create("http://localhost:" + port), List.of(),
                DataSize.ofMegabytes(20), Duration.ofSeconds(5), Duration.ofSeconds(30), 3));

        assertThat(guard.download("http://localhost:" + port + "/png").format()).isEqualTo(ImageFormat.PNG);
        assertThatThrownBy(() -> guard.download(base + "/png"))
                .hasMessage("download refused: 127.0.0.1 is a loopback address");
    }

    @Test
    void refusesTheMetadataServiceEvenWhenExplicitlyAllowed() {
        DownloadGuard guard = guard(List.of("169.254.169.254"));

        assertThatThrownBy(() -> guard.download("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOf(DownloadRefusedException.class)
                .hasMessage("download refused: 169.254.169.254 is a link-local address (the cloud metadata service)");
    }

    @Test
    void refusesAProviderHostThatResolvesToANonPublicAddress() {
        DownloadGuard guard = guardResolving(Map.of(
                "pbxt.replicate.delivery", new String[] {"104.18.2.3", "10.0.0.7"},
                "oaidalleapiprodscus.blob.core.windows.net", new String[] {"169.254.169.254"}), List.of());

        assertThatThrownBy(() -> guard.download("https://pbxt.replicate.delivery/abc/out-0.png"))
                .isInstanceOf(DownloadRefusedException.class)
                .hasMessage("download refused: pbxt.replicate.delivery resolves to 10.0.0.7, a private address");
        assertThatThrownBy(() -> guard.download(
                "https://oaidalleapiprodscus.blob.core.windows.net/private/org-1/img.png?sig=secret"))
                .isInstanceOf(DownloadRefusedException.class)
                .hasMessage("download refused: oaidalleapiprodscus.blob.core.windows.net resolves to "
                        + "169.254.169.254, a link-local address (the cloud metadata service)");
    }

    @Test
    void connectsToTheAddressItCheckedNotToAFreshLookup() {
        // The name exists only in the guard's resolver; a second lookup (by the HTTP client) would fail.
        AtomicInteger lookups = new AtomicInteger();
        guard = new DownloadGuard(properties(List.of("images.test:" + port), Duration.ofSeconds(30)), host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });

        assertThat(guard.download("http://images.test:" + port + "/png").format()).isEqualTo(ImageFormat.PNG);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void transientFailuresAreThrownToBeRetried() {
        DownloadGuard guard = guard(List.of("127.0.0.1:" + port));

        assertThatThrownBy(() -> guard.download(base + "/broken"))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage("image host 127.0.0.1 answered HTTP 503");
    }

    @Test
    void givesUpOnASlowHostAfterTheTotalTimeout() {
        guard = new DownloadGuard(properties(List.of("127.0.0.1:" + port), Duration.ofMillis(800)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> guard.download(base + "/slow"))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage("download from 127.0.0.1 took longer than PT0.8S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void rejectsAMalformedAllowListEntryAtStartup() {
        assertThatThrownBy(() -> guard(List.of("http://images.example.org/path")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a host[:port]");
    }

    private static void serve(String path, int status, String contentType, byte[] body) {
        server.createContext(path, exchange -> respond(exchange, status, contentType, body));
    }

    private static void redirect(String path, String location) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A PNG header followed by 50 MB; length 0 means chunked (no Content-Length). */
    private static void stream(HttpExchange exchange, long length) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, length);
        byte[] chunk = new byte[64 * 1024];
        System.arraycopy(TestImages.png(), 0, chunk, 0, 8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int written = 0; written < FIFTY_MB; written += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException abandoned) {
            // The guard hung up, as it should.
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
