package com.personacomposer.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver of webhooks on loopback (the JDK's server): each path answers a scripted sequence (the last
 * answer repeats), and every request it got is kept. It can go down (its port closed: connections refused) and come
 * back on the same port.
 */
final class Receiver implements AutoCloseable {

    /** One scripted answer. */
    record Answer(int status, Duration delay, String location) {
        static Answer status(int status) {
            return new Answer(status, Duration.ZERO, null);
        }

        /** Holds the request for {@code delay} before answering 200. */
        static Answer hang(Duration delay) {
            return new Answer(200, delay, null);
        }

        static Answer redirect(String location) {
            return new Answer(302, Duration.ZERO, location);
        }
    }

    /** A request as it arrived. */
    record Received(String path, Map<String, List<String>> headers, String body, Instant at, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The headers as java.net.http carries them (case-insensitive), for the Standard Webhooks library. */
        java.net.http.HttpHeaders httpHeaders() {
            return java.net.http.HttpHeaders.of(headers, (name, value) -> true);
        }
    }

    private final Map<String, List<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;

    private Receiver() {
    }

    static Receiver start() {
        Receiver receiver = new Receiver();
        receiver.up();
        return receiver;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** {@code path} answers these in turn, then the last one for ever. */
    void script(String path, Answer... answers) {
        scripts.put(path, List.of(answers));
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Closes the port: connections are refused until {@link #up()}. */
    synchronized void down() {
        server.stop(0);
    }

    /** Listens again, on the port it had. */
    synchronized void up() {
        IOException last = null;
        for (int tries = 0; tries < 50; tries++) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                server.createContext("/", this::handle);
                server.setExecutor(Executors.newCachedThreadPool());
                server.start();
                port = server.getAddress().getPort();
                return;
            } catch (BindException e) {
                last = e;
                sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new UncheckedIOException(last);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<Answer> script = scripts.getOrDefault(path, List.of(Answer.status(200)));
        int index = served.merge(path, 1, Integer::sum) - 1;
        Answer answer = script.get(Math.min(index, script.size() - 1));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), new ArrayList<>(values)));
        received.add(new Received(path, headers, body, Instant.now(), answer.status()));
        if (!answer.delay().isZero()) {
            sleep(answer.delay().toMillis());
        }
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        try {
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (IOException hungUpOn) {
            // The sender gave up waiting, as it should.
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
