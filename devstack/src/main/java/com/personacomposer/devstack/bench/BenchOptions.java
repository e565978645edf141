package com.personacomposer.devstack.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of {@code devstack.jar bench}.
 *
 * @param scenario    create (persona requests end to end) or read (GET /api/personas/{slug} throughput)
 * @param baseUrl     the gateway (or, for read, any service serving the public read API)
 * @param gatewayUrl  read: the gateway, which creates the persona that is read
 * @param requests    create: how many persona requests
 * @param concurrency create: requests in flight at once; read: parallel clients
 * @param model       create: image model asked for
 * @param duration    read: how long to measure
 * @param warmup      read: how long to load before measuring
 * @param output      where the figures are written as JSON (null: not written)
 */
record BenchOptions(String scenario, String baseUrl, String gatewayUrl, int requests, int concurrency, String model,
                    Duration duration, Duration warmup, Path output) {

    static final String USAGE = """
            usage: java -jar devstack.jar bench [create|read] [options]
              create (default)       submit persona requests through the public API and time each to completion
                --requests N         (default 100)
                --concurrency N      requests in flight (default 16)
                --model ID           local | dall-e | openjourney (default local)
              read                   GET /api/personas/{slug} of one persona as fast as possible
                --duration D         measuring time, e.g. 30s (default 30s)
                --warmup D           load before measuring (default 10s)
                --concurrency N      parallel clients (default 32)
                --gateway-url URL    where the persona read is created (default http://localhost:8080)
              --base-url URL         default http://localhost:8080
              --output FILE          also write the figures as JSON
            """;

    static BenchOptions parse(String[] args) {
        String scenario = args.length > 1 && !args[1].startsWith("--") ? args[1] : "create";
        boolean read = scenario.equals("read");
        if (!read && !scenario.equals("create")) {
            throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        String output = value(args, "--output", null);
        return new BenchOptions(scenario,
                value(args, "--base-url", "http://localhost:8080"),
                value(args, "--gateway-url", "http://localhost:8080"),
                Integer.parseInt(value(args, "--requests", "100")),
                Integer.parseInt(value(args, "--concurrency", read ? "32" : "16")),
                value(args, "--model", "local"),
                duration(value(args, "--duration", "30s")),
                duration(value(args, "--warmup", "10s")),
                output == null ? null : Path.of(output));
    }

    private static String value(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }
}
