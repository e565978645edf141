package com.personacomposer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running stack through its public REST API only (growth first seeds MongoDB and S3 directly) and reports
 * what a user would feel.
 * <p>create: each of {@code concurrency} clients submits persona requests with {@code Prefer: wait=60} (the API holds
 * the answer until the persona is complete), so end-to-end latency is request sent -> 201 with the persona; a 202
 * (not done in 60 s, or failed) is followed by polling the request until it ends. read: GET /api/personas/{slug} of
 * one existing persona by {@code concurrency} clients for {@code duration}, after {@code warmup}. growth: see
 * {@link Growth}.
 */
public final class Bench {

    private static final Pattern FIELD = Pattern.compile("\"(requestId|slug|status)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Duration POLL = Duration.ofMillis(50);

    private final BenchOptions options;
    private final HttpClient http;

    private Bench(BenchOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(4, options.concurrency()), Bench::daemon)).build();
    }

    /** The client's threads never keep the JVM alive: a bench that fails ends with its exception. */
    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        Bench bench = new Bench(options);
        Map<String, Object> figures = switch (options.scenario()) {
            case "read" -> bench.read();
            case "growth" -> new Growth(options.growth(), options.baseUrl(), bench.http).run();
            default -> bench.create();
        };
        figures.put("stackRssMb", Math.round(StackMemory.totalRssBytes() / 1048576.0));
        print(figures);
        if (options.output() != null) {
            Files.writeString(options.output(), toJson(figures));
            System.out.println("figures written to " + options.output());
        }
        System.exit(0);
    }

    private Map<String, Object> create() throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> completedNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(options.concurrency());
        long started = System.nanoTime();
        for (int c = 0; c < options.concurrency(); c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < options.requests(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Outcome outcome = createOne(run, i, accepted);
                    if (outcome.completed()) {
                        completedNanos.add(System.nanoTime() - sent);
                    } else {
                        failed.incrementAndGet();
                        if (failures.size() < 5) {
                            failures.add(outcome.detail());
                        }
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.DAYS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Latencies latencies = new Latencies(completedNanos.stream().mapToLong(Long::longValue).toArray());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", "create");
        figures.put("requests", options.requests());
        figures.put("concurrency", options.concurrency());
        figures.put("model", options.model());
        figures.put("seconds", round(seconds));
        figures.put("acceptedPerSecond", round(accepted.get() / seconds));
        figures.put("completedPerSecond", round(latencies.count() / seconds));
        figures.put("completed", latencies.count());
        figures.put("failures", failed.get());
        figures.put("e2eP50Ms", round(latencies.percentileMillis(50)));
        figures.put("e2eP95Ms", round(latencies.percentileMillis(95)));
        figures.put("e2eP99Ms", round(latencies.percentileMillis(99)));
        figures.put("e2eMaxMs", round(latencies.maxMillis()));
        failures.forEach(f -> System.err.println("failure: " + f));
        return figures;
    }

    private record Outcome(boolean completed, String detail) {
    }

    private Outcome createOne(String run, int index, AtomicInteger accepted) {
        String body = "{\"name\":\"bench " + run + " " + index + "\",\"description\":\"" + DESCRIPTIONS[index % DESCRIPTIONS.length]
                + "\",\"mottoTone\":\"" + TONES[index % TONES.length] + "\",\"model\":\"" + options.model() + "\"}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.baseUrl() + "/api/personas"))
                    .header("Content-Type", "application/json").header("Prefer", "wait=60")
                    .timeout(Duration.ofSeconds(90))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 201 || status == 202) {
                accepted.incrementAndGet();
            }
            if (status == 201) {
                return new Outcome(true, null);
            }
            if (status != 202) {
                return new Outcome(false, "HTTP " + status + ": " + response.body());
            }
            return awaitEnd(field(response.body(), "requestId"));
        } catch (IOException e) {
            return new Outcome(false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    private Outcome awaitEnd(String requestId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(options.baseUrl() + "/api/requests/" + requestId)).build(), HttpResponse.BodyHandlers.ofString());
            String status = field(response.body(), "status");
            if ("COMPLETED".equals(status)) {
                return new Outcome(true, null);
            }
            if ("FAILED".equals(status)) {
                return new Outcome(false, "request " + requestId + " FAILED: " + response.body());
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Outcome(false, "request " + requestId + " still pending after 2 minutes");
    }

    private Map<String, Object> read() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(options.gatewayUrl() + "/api/personas"))
                .header("Content-Type", "application/json").header("Prefer", "wait=60")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench reader\",\"description\":\"read benchmark\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String slug = field(created.body(), "slug");
        if (slug == null) {
            throw new IllegalStateException("could not create the persona to read: HTTP " + created.statusCode());
        }
        URI uri = URI.create(options.baseUrl() + "/api/personas/" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
        load(uri, options.warmup(), new AtomicLong(), new AtomicLong());
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        load(uri, options.duration(), ok, errors);
        double seconds = options.duration().toMillis() / 1000.0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", "read");
        figures.put("baseUrl", options.baseUrl());
        figures.put("concurrency", options.concurrency());
        figures.put("seconds", round(seconds));
        figures.put("readsPerSecond", round(ok.get() / seconds));
        figures.put("failures", errors.get());
        return figures;
    }

    private void load(URI uri, Duration duration, AtomicLong ok, AtomicLong errors) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < options.concurrency(); c++) {
            Thread client = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).build();
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : errors).incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    private static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return null;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void print(Map<String, Object> figures) {
        System.out.println();
        figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "  %-20s %s%n", name, value));
        System.out.println();
    }

    static String toJson(Map<String, Object> figures) {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> entry : figures.entrySet()) {
            Object value = entry.getValue();
            json.append("  \"").append(entry.getKey()).append("\": ")
                    .append(value instanceof Number ? value.toString() : "\"" + value + "\"")
                    .append(++i < figures.size() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }

    private static final String[] DESCRIPTIONS = {
        "red hair and a green hat", "loves the ocean at night", "golden desert sun, glasses", "snowy forest ranger",
        "fire dancer with a beard", "quiet librarian in blue"};
    private static final String[] TONES = {"neutral", "sarcastic", "comical", "sombre"};
}
