package com.personacomposer.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * bench growth: how list, search and persona page behave as data grows. For each N of {@code --personas} (ascending)
 * it seeds list personas up to N ({@link GrowthSeeder}) and times the list's first page and a name search; then it
 * seeds one persona per M of {@code --images} and times its page (the API's default limit). Each reading is
 * {@code --samples} sequential GETs by one client after {@code --warmup-samples}, so latency, not throughput, is what
 * is measured; the answer's size is that of the last one. Last, the gallery's first view: the list's first page and
 * the bytes of the 20 {@code coverUrl} images it names.
 */
final class Growth {

    private static final Pattern COVER_URL = Pattern.compile("\"coverUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COVER_2X_URL = Pattern.compile("\"cover2xUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final BenchOptions.GrowthOptions options;
    private final String baseUrl;
    private final HttpClient http;

    Growth(BenchOptions.GrowthOptions options, String baseUrl, HttpClient http) {
        this.options = options;
        this.baseUrl = baseUrl;
        this.http = http;
    }

    Map<String, Object> run() throws IOException, InterruptedException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", "growth");
        figures.put("baseUrl", baseUrl);
        try (MongoClient mongo = MongoClients.create(options.mongoUri());
             S3Client s3 = s3Client()) {
            GrowthSeeder seeder = new GrowthSeeder(mongo.getDatabase(options.mongoDatabase()), s3, options.s3Bucket());
            long started = System.nanoTime();
            figures.put("galleryPersonasSeeded", seeder.seedGallery());
            for (int m : options.imageCounts()) {
                figures.put("images" + m + ".seeded", seeder.seedImagesPersona(m));
            }
            figures.put("seedSeconds", seconds(started));
            for (int n : options.personaCounts()) {
                started = System.nanoTime();
                int added = seeder.seedListPersonas(n);
                System.out.printf("seeded %,d list personas (N = %,d) in %.1f s%n", added, n, seconds(started));
                figures.put("n" + n + ".seedSeconds", seconds(started));
                record(figures, "n" + n + ".list", time("/api/personas?page=0&size=20"));
                record(figures, "n" + n + ".search", time("/api/personas?page=0&size=20&q=" + URLEncoder.encode(options.query(), StandardCharsets.UTF_8)));
            }
        }
        for (int m : options.imageCounts()) {
            String slug = GrowthSeeder.slugOf(GrowthSeeder.imagesName(m));
            record(figures, "m" + m + ".page", time("/api/personas/" + URLEncoder.encode(slug, StandardCharsets.UTF_8)));
        }
        gallery(figures);
        return figures;
    }

    private S3Client s3Client() {
        return S3Client.builder().endpointOverride(URI.create(options.s3Endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(options.s3AccessKey(), options.s3SecretKey())))
                .forcePathStyle(true).build();
    }

    record Reading(Latencies latencies, long bytes, int failures, String lastBody) {
    }

    private Reading time(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < options.warmupSamples(); i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[options.samples()];
        HttpResponse<byte[]> response = null;
        int failures = 0;
        for (int i = 0; i < nanos.length; i++) {
            long sent = System.nanoTime();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - sent;
            if (response.statusCode() != 200) {
                failures++;
            }
        }
        if (response == null || failures > 0) {
            System.err.println("GET " + path + ": " + failures + " answers were not 200, e.g. HTTP "
                    + (response == null ? "-" : response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8)));
        }
        byte[] body = response == null ? new byte[0] : response.body();
        return new Reading(new Latencies(nanos), body.length, failures, new String(body, StandardCharsets.UTF_8));
    }

    private static void record(Map<String, Object> figures, String name, Reading reading) {
        figures.put(name + ".p50Ms", Bench.round(reading.latencies().percentileMillis(50)));
        figures.put(name + ".p95Ms", Bench.round(reading.latencies().percentileMillis(95)));
        figures.put(name + ".bytes", reading.bytes());
        figures.put(name + ".failures", reading.failures());
    }

    /**
     * The gallery's first view: the list's first page of 20 and every cover image it shows, at 256 px
     * ({@code gallery.imageBytes}) and at 512 px, what a screen of two device pixels per CSS pixel loads
     * ({@code gallery.image2xBytes}). Covers that are not there yet (thumbnails being back-filled) are asked for again
     * until {@code --await-covers} has passed.
     */
    private void gallery(Map<String, Object> figures) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.awaitCovers().toNanos();
        Reading page;
        List<String> covers;
        Covers standard;
        Covers doubleSize;
        do {
            page = time("/api/personas?page=0&size=20");
            covers = coverUrls(page.lastBody());
            standard = fetch(covers);
            doubleSize = fetch(urls(page.lastBody(), COVER_2X_URL));
            if (standard.missing() + doubleSize.missing() > 0 && System.nanoTime() < deadline) {
                System.out.println(standard.missing() + doubleSize.missing()
                        + " of the gallery's covers are not there yet; asking again in 5 s");
                Thread.sleep(5_000);
            }
        } while (standard.missing() + doubleSize.missing() > 0 && System.nanoTime() < deadline);
        figures.put("gallery.covers", covers.size());
        figures.put("gallery.coversMissing", standard.missing());
        figures.put("gallery.imageBytes", standard.bytes());
        figures.put("gallery.imageMiB", Bench.round(standard.bytes() / 1048576.0));
        figures.put("gallery.covers2xMissing", doubleSize.missing());
        figures.put("gallery.image2xBytes", doubleSize.bytes());
        figures.put("gallery.image2xMiB", Bench.round(doubleSize.bytes() / 1048576.0));
        figures.put("gallery.pageBytes", page.bytes());
    }

    private record Covers(long bytes, int missing) {
    }

    private Covers fetch(List<String> urls) throws IOException, InterruptedException {
        long bytes = 0;
        int missing = 0;
        for (String url : urls) {
            HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (image.statusCode() == 200) {
                bytes += image.body().length;
            } else {
                missing++;
            }
        }
        return new Covers(bytes, missing);
    }

    static List<String> coverUrls(String listPage) {
        return urls(listPage, COVER_URL);
    }

    private static List<String> urls(String listPage, Pattern field) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = field.matcher(listPage);
        while (matcher.find()) {
            urls.add(matcher.group(1).replace("\\u0026", "&").replace("\\/", "/"));
        }
        return urls;
    }

    private static double seconds(long startedNanos) {
        return Bench.round((System.nanoTime() - startedNanos) / 1e9);
    }
}
