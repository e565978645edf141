package com.personacomposer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * Lighthouse 12 (npm, from system-tests/package-lock.json, installed into system-tests/node_modules by {@code npm ci}
 * when missing or when the lock changed) run on Debian's Chromium with its mobile defaults: a Moto G Power's screen
 * and Lighthouse's own simulated throttling (slow 4G, a CPU four times slower than this one).
 */
final class Lighthouse {

    static final List<String> CATEGORIES = List.of("performance", "accessibility", "best-practices", "seo");
    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final Path BIN = HOME.resolve("node_modules/.bin/lighthouse");
    private static final Path STAMP = HOME.resolve("node_modules/.package-lock.sha256");
    private static final Path REPORTS = Path.of("target", "lighthouse");

    /** One audit: each category's score (0-100), the metrics that make up performance, and the machine's speed. */
    record Report(Map<String, Integer> scores, Map<String, String> metrics, double benchmarkIndex, Path file) {

        int score(String category) {
            return scores.get(category);
        }

        /** What failed in a category: the audits that scored below 1, with their titles. */
        static List<String> failedAudits(JsonNode report, String category) {
            List<String> failed = new ArrayList<>();
            for (JsonNode ref : report.path("categories").path(category).path("auditRefs")) {
                JsonNode audit = report.path("audits").path(ref.path("id").asString());
                if (ref.path("weight").asDouble() > 0 && !audit.path("score").isNull() && audit.path("score").asDouble() < 1) {
                    failed.add(audit.path("id").asString() + " (" + audit.path("title").asString() + ": "
                            + audit.path("displayValue").asString("") + ")");
                }
            }
            return failed;
        }

        @Override
        public String toString() {
            return scores + " " + metrics + " benchmarkIndex=" + benchmarkIndex;
        }
    }

    private Lighthouse() {
    }

    /** Installs Lighthouse unless it is there for this lock; without npm, skips outside CI and fails in CI. */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        String want = sha256(Files.readAllBytes(HOME.resolve("package-lock.json")));
        if (Files.isExecutable(BIN) && Files.isRegularFile(STAMP) && Files.readString(STAMP).strip().equals(want)) {
            return;
        }
        if (!onPath("npm")) {
            if (System.getenv("CI") == null) {
                Assumptions.abort("npm is not installed: Lighthouse cannot run here");
            }
            throw new AssertionError("npm is not installed: the browser audits need it (Lighthouse)");
        }
        Path log = Files.createDirectories(REPORTS).resolve("npm-ci.log");
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new AssertionError("npm ci failed; see " + log.toAbsolutePath());
        }
        Files.writeString(STAMP, want + "\n");
    }

    /** Audits the page at {@code url} (mobile, the four categories); the JSON report is kept under target/lighthouse. */
    static Report audit(String url, String name) throws IOException, InterruptedException {
        ensureInstalled();
        Path file = Files.createDirectories(REPORTS).toAbsolutePath().resolve(name + ".json");
        Path log = file.resolveSibling(name + ".log");
        List<String> command = new ArrayList<>(List.of(BIN.toString(), url, "--output=json",
                "--output-path=" + file, "--only-categories=" + String.join(",", CATEGORIES),
                "--chrome-flags=" + String.join(" ", Chromium.FLAGS)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHROME_PATH", Chromium.CHROMIUM.toString());
        Process lighthouse = builder.start();
        if (!lighthouse.waitFor(4, TimeUnit.MINUTES) || lighthouse.exitValue() != 0) {
            lighthouse.destroyForcibly();
            throw new AssertionError("Lighthouse failed on " + url + "; see " + log.toAbsolutePath());
        }
        JsonNode report = Api.JSON.readTree(file.toFile());
        if (!report.path("runtimeError").isMissingNode()) {
            throw new AssertionError("Lighthouse could not audit " + url + ": " + report.path("runtimeError"));
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            scores.put(category, (int) Math.round(report.path("categories").path(category).path("score").asDouble() * 100));
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String metric : List.of("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index")) {
            metrics.put(metric, report.path("audits").path(metric).path("displayValue").asString());
        }
        return new Report(scores, metrics, report.path("environment").path("benchmarkIndex").asDouble(), file);
    }

    /** The categories' failed audits of a report written by {@link #audit}. */
    static Map<String, List<String>> failures(Report report) {
        JsonNode json = Api.JSON.readTree(report.file().toFile());
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            List<String> failed = Report.failedAudits(json, category);
            if (!failed.isEmpty()) {
                failures.put(category, failed);
            }
        }
        return failures;
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
