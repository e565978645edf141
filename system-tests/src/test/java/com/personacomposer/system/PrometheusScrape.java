package com.personacomposer.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One scrape of a service's /actuator/prometheus, parsed from the Prometheus text format. */
record PrometheusScrape(String service, List<Sample> samples) {

    private static final Path SCRAPES = Path.of("target", "scrapes");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Sample(String name, Map<String, String> labels, double value) {

        boolean matches(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
        }
    }

    static PrometheusScrape of(ServiceProcesses services, String service) {
        URI uri = URI.create(services.url(service) + "/actuator/prometheus");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                            .header("Accept", "text/plain;version=0.0.4")
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + uri + " answered " + response.statusCode());
            }
            // The last scrape of each service stays in target/scrapes for whoever reads a failure.
            Files.createDirectories(SCRAPES);
            Files.writeString(SCRAPES.resolve(service + ".prom"), response.body());
            return parse(service, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PrometheusScrape parse(String service, String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.strip()));
            }
        }
        return new PrometheusScrape(service, samples);
    }

    /** The names of every sample, histogram buckets, counts and sums included. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The sum over every series of {@code name} that has the given labels (0 when there is none). */
    double sum(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.matches(labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    boolean has(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && sample.matches(labels));
    }

    List<Sample> series(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] value = line.substring(rest).strip().split(" ");
        return new Sample(name, labels, Double.parseDouble(value[0]));
    }

    /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2; // past ="
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i++; // past the closing quote
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
