package com.personacomposer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An AOT cache (JEP 514) for each service jar the system tests start, made once per build: the jar is unpacked into
 * target/aot/{service}/ (a cache needs plain jars on the class path) and started once with the tests' JVM options
 * until its context is refreshed (its output: target/aot/{service}-training.log); every later start of it maps the
 * cache. A service whose cache could not be made starts from its jar as before.
 */
final class AotCaches {

    /** The options every service JVM of these tests runs with; a cache is made for exactly these. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Path DIR = Path.of("target", "aot").toAbsolutePath();
    private static final long TRAINING_SECONDS = 300;
    private static Map<String, List<String>> launches;

    private AotCaches() {
    }

    /** What follows {@link #JVM_OPTIONS} in a start of {@code service}: its cache and unpacked jar, or its jar. */
    static synchronized List<String> launch(String service) {
        if (launches == null) {
            launches = prepare();
        }
        return launches.getOrDefault(service, List.of("-jar", ServiceProcesses.jar(service).toString()));
    }

    /** Unpacks and trains every service whose cache is missing or was made for another jar or JDK, all at once. */
    private static Map<String, List<String>> prepare() {
        Map<String, Process> trainings = new LinkedHashMap<>();
        Map<String, List<String>> prepared = new LinkedHashMap<>();
        for (String service : ServiceProcesses.SERVICES) {
            Cache cache = new Cache(service);
            if (!cache.current()) {
                cache.train().ifPresent(training -> trainings.put(service, training));
            }
        }
        for (Map.Entry<String, Process> training : trainings.entrySet()) {
            if (exitedNormally(training.getValue())) {
                new Cache(training.getKey()).recordIfMade();
            }
        }
        for (String service : ServiceProcesses.SERVICES) {
            Cache cache = new Cache(service);
            if (cache.current()) {
                prepared.put(service, List.of("-XX:AOTCache=" + cache.file(), "-jar", cache.unpackedJar().toString()));
            }
        }
        return prepared;
    }

    /** Whether the training ended by itself with status 0; one that takes too long is stopped (and is not). */
    private static boolean exitedNormally(Process process) {
        try {
            if (process.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /** One service's unpacked jar, cache and the stamp saying which jar, JDK and options the cache was made for. */
    private record Cache(String service) {

        Path dir() {
            return DIR.resolve(service);
        }

        Path file() {
            return dir().resolve(service + ".aot");
        }

        Path unpackedJar() {
            return dir().resolve(service + ".jar");
        }

        private Path stamp() {
            return dir().resolve("stamp");
        }

        private String expectedStamp() {
            Path jar = ServiceProcesses.jar(service);
            try {
                return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                        + System.getProperty("java.home") + " " + Runtime.version() + " " + JVM_OPTIONS;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean current() {
            try {
                return Files.isRegularFile(file()) && Files.isRegularFile(stamp())
                        && Files.readString(stamp()).equals(expectedStamp());
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * Unpacks the jar afresh and starts the training: a start that ends once the context is refreshed, before
         * anything connects, so it is pointed at no infrastructure. Empty when the jar could not be unpacked.
         */
        Optional<Process> train() {
            try {
                deleteRecursively(dir());
                Files.createDirectories(DIR);
                Path log = DIR.resolve(service + "-training.log");
                Files.deleteIfExists(log);
                Process extract = java(List.of("-Djarmode=tools", "-jar", ServiceProcesses.jar(service).toString(),
                        "extract", "--destination", dir().toString()), log).start();
                if (extract.waitFor() != 0 || !Files.isRegularFile(unpackedJar())) {
                    return Optional.empty();
                }
                List<String> arguments = new ArrayList<>(JVM_OPTIONS);
                arguments.addAll(List.of("-XX:AOTCacheOutput=" + file(), "-Dspring.context.exit=onRefresh",
                        "-jar", unpackedJar().toString()));
                ProcessBuilder training = java(arguments, log);
                training.environment().putAll(Map.of(
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                        "MONGODB_URI", "mongodb://127.0.0.1:1",
                        "S3_ENDPOINT", "http://127.0.0.1:1",
                        "AWS_REGION", "us-east-1",
                        "AWS_ACCESS_KEY_ID", "training",
                        "AWS_SECRET_ACCESS_KEY", "training",
                        "PERSONA_WEBHOOK_ENCRYPTION_KEY", ServiceProcesses.WEBHOOK_ENCRYPTION_KEY,
                        "SERVER_PORT", "0"));
                return Optional.of(training.start());
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        void recordIfMade() {
            try {
                if (Files.isRegularFile(file()) && Files.size(file()) > 0) {
                    Files.writeString(stamp(), expectedStamp());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static ProcessBuilder java(List<String> arguments, Path log) {
            List<String> command = new ArrayList<>(List.of(ServiceProcesses.JAVA));
            command.addAll(arguments);
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
