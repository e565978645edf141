package com.personacomposer.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code bench.jar}.
 *
 * @param scenario    create (persona requests end to end), read (GET /api/personas/{slug} throughput) or growth
 *                    (list, search and persona page as data grows, seeded straight into MongoDB)
 * @param baseUrl     the gateway (or, for read, any service serving the public read API)
 * @param gatewayUrl  read: the gateway, which creates the persona that is read
 * @param requests    create: how many persona requests
 * @param concurrency create: requests in flight at once; read: parallel clients
 * @param model       create: image model asked for
 * @param duration    read: how long to measure
 * @param warmup      read: how long to load before measuring
 * @param output      where the figures are written as JSON (null: not written)
 * @param growth      growth: what to seed and how to time it
 */
record BenchOptions(String scenario, String baseUrl, String gatewayUrl, int requests, int concurrency, String model,
                    Duration duration, Duration warmup, Path output, GrowthOptions growth) {

    /**
     * @param personaCounts list persona counts N, seeded and timed in ascending order
     * @param imageCounts   image counts M, one persona each
     * @param samples       timed GETs per reading
     * @param warmupSamples untimed GETs before each reading
     * @param query         the name search's q (a word in every 40th seeded name)
     * @param awaitCovers   how long the gallery's covers may take to appear (thumbnails back-filled at start-up)
     */
    record GrowthOptions(String mongoUri, String mongoDatabase, String s3Endpoint, String s3Bucket, String s3AccessKey,
                         String s3SecretKey, List<Integer> personaCounts, List<Integer> imageCounts, int samples,
                         int warmupSamples, String query, Duration awaitCovers) {
    }

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar [create|read|growth] [options]
              create (default)       submit persona requests through the public API and time each to completion
                --requests N         (default 100)
                --concurrency N      requests in flight (default 16)
                --model ID           local | dall-e | openjourney (default local)
              read                   GET /api/personas/{slug} of one persona as fast as possible
                --duration D         measuring time, e.g. 30s (default 30s)
                --warmup D           load before measuring (default 10s)
                --concurrency N      parallel clients (default 32)
                --gateway-url URL    where the persona read is created (default http://localhost:8080)
              growth                 seed N personas and personas with M images straight into MongoDB (and the
                                     gallery's 20 newest with 1024 px originals in S3), then time list, search and
                                     persona page (p50/p95, answer bytes) and weigh the gallery's first view
                --personas N,N       list personas, ascending (default 1000,100000)
                --images M,M         images of one persona each (default 1,50,5000)
                --samples N          timed GETs per reading (default 200), after --warmup-samples (default 50)
                --query WORD         the search (default amber: every 40th seeded name)
                --await-covers D     ask again for gallery covers not there yet, up to D (default 0s)
                --mongo-uri URI      default mongodb://127.0.0.1:27017; --mongo-db NAME (default personas)
                --s3-endpoint URL    default http://127.0.0.1:9000; --s3-bucket (default persona-images),
                                     --s3-access-key / --s3-secret-key (default the devstack's)
              --base-url URL         default http://localhost:8080
              --output FILE          also write the figures as JSON
            """;

    static BenchOptions parse(String[] args) {
        String scenario = args.length > 0 && !args[0].startsWith("--") ? args[0] : "create";
        boolean read = scenario.equals("read");
        if (!read && !scenario.equals("create") && !scenario.equals("growth")) {
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
                output == null ? null : Path.of(output),
                new GrowthOptions(
                        value(args, "--mongo-uri", "mongodb://127.0.0.1:27017"),
                        value(args, "--mongo-db", "personas"),
                        value(args, "--s3-endpoint", "http://127.0.0.1:9000"),
                        value(args, "--s3-bucket", "persona-images"),
                        value(args, "--s3-access-key", "devstack"),
                        value(args, "--s3-secret-key", "devstack-secret"),
                        counts(value(args, "--personas", "1000,100000")),
                        counts(value(args, "--images", "1,50,5000")),
                        Integer.parseInt(value(args, "--samples", "200")),
                        Integer.parseInt(value(args, "--warmup-samples", "50")),
                        value(args, "--query", "amber"),
                        duration(value(args, "--await-covers", "0s"))));
    }

    private static List<Integer> counts(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).sorted().toList();
    }

    private static String value(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
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
