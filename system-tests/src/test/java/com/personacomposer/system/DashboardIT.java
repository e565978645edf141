package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * The provisioned Grafana dashboard (docker/grafana/dashboards) checked against what the running services really
 * export after a completed and a failed request: a query naming a metric or label nobody exports shows an empty
 * panel, which is easy to miss until the day the panel is needed.
 */
@Order(9)
@ResourceLock(RunningSystem.LOCK)
@ExtendWith(DevStackExtension.class)
class DashboardIT {

    private static final Path DASHBOARD = Path.of("..", "docker", "grafana", "dashboards", "persona-composer.json");
    private static final Path DATASOURCE = Path.of("..", "docker", "grafana", "provisioning", "datasources",
            "prometheus.yml");

    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)\\}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![$\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    private static ServiceProcesses services;
    private static Map<String, Set<String>> exported;

    @BeforeAll
    static void driveTheSystemOnce() {
        services = RunningSystem.get();
        Api api = new Api(services.gateway());
        // A completed and a failed request, so the metrics that exist only after one of each are there.
        String completed = accept(api, "{\"name\": \"Dashboard Dora " + suffix() + "\"}");
        String failed = accept(api, "{\"name\": \"Dashboard Dan " + suffix() + "\", \"model\": \"dall-e\"}");
        awaitFinal(api, completed);
        awaitFinal(api, failed);
    }

    @Test
    void theDashboardParsesAndUsesTheProvisionedDataSource() throws IOException {
        JsonNode dashboard = dashboard();
        String datasourceUid = Files.readAllLines(DATASOURCE).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("uid:"))
                .map(line -> line.substring("uid:".length()).strip())
                .findFirst().orElseThrow();

        assertThat(dashboard.get("uid").asString()).isEqualTo("persona-composer");
        List<JsonNode> panels = panels(dashboard);
        assertThat(panels).extracting(panel -> panel.get("title").asString()).contains("Throughput",
                "End-to-end latency", "Failures by stage", "Provider latency (p95)", "Circuit breaker state",
                "Consumer lag", "Dead letters", "Webhook deliveries", "Webhook attempt latency (p95)");
        for (JsonNode panel : panels) {
            assertThat(panel.path("datasource").path("uid").asString()).as(title(panel)).isEqualTo(datasourceUid);
            assertThat(panel.path("targets")).as(title(panel)).isNotEmpty();
            panel.path("targets").forEach(target ->
                    assertThat(target.path("expr").asString()).as(title(panel)).isNotBlank());
        }
        assertThat(queries(panels).get("End-to-end latency"))
                .anyMatch(expr -> expr.startsWith("histogram_quantile(0.5,"))
                .anyMatch(expr -> expr.startsWith("histogram_quantile(0.95,"))
                .anyMatch(expr -> expr.startsWith("histogram_quantile(0.99,"));
    }

    @Test
    void everyPanelQueriesOnlyMetricsAndLabelsTheServicesExport() throws IOException {
        Map<String, List<String>> queries = queries(panels(dashboard()));
        Set<String> wanted = new LinkedHashSet<>();
        queries.values().forEach(exprs -> exprs.forEach(expr -> wanted.addAll(metricNames(expr))));
        assertThat(wanted).as("metrics named by the panels").isNotEmpty();

        awaitExported(wanted);
        List<String> problems = new ArrayList<>();
        queries.forEach((title, exprs) -> exprs.forEach(expr -> problems.addAll(problems(title, expr))));
        assertThat(problems).as("metrics and labels the services export: " + exported.keySet()).isEmpty();
    }

    @Test
    void theServiceVariableListsWhatPrometheusScrapes() throws IOException {
        JsonNode variable = dashboard().path("templating").path("list").get(0);

        assertThat(variable.get("name").asString()).isEqualTo("application");
        // "up" is Prometheus' own series per scrape target; "application" is a target label in docker/prometheus.
        assertThat(variable.get("query").asString()).contains("up{job=\"persona-composer\"}", "application");
        String scrapeConfig = Files.readString(Path.of("..", "docker", "prometheus", "prometheus.yml"));
        assertThat(scrapeConfig).contains("job_name: persona-composer");
        for (String service : ServiceProcesses.SERVICES) {
            assertThat(scrapeConfig).contains("application: " + service);
        }
    }

    /** What is wrong with one query: metrics nobody exports, labels none of its metrics has. */
    private static List<String> problems(String title, String expr) {
        List<String> problems = new ArrayList<>();
        Set<String> metrics = metricNames(expr);
        Set<String> labelsOfQuery = new HashSet<>();
        for (String metric : metrics) {
            if (!exported.containsKey(metric)) {
                problems.add(title + ": " + metric + " is not exported (" + expr + ")");
            } else {
                labelsOfQuery.addAll(exported.get(metric));
            }
        }
        Matcher selector = SELECTOR.matcher(RANGE.matcher(expr).replaceAll(""));
        while (selector.find()) {
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                String label = matcher.group(1);
                Set<String> labels = selector.group(1) == null ? labelsOfQuery
                        : exported.getOrDefault(selector.group(1), Set.of());
                if (!labels.contains(label)) {
                    problems.add(title + ": label " + label + " is not on " + selector.group(1) + " (" + expr + ")");
                }
            }
        }
        Matcher grouping = GROUPING.matcher(expr);
        while (grouping.find()) {
            for (String label : grouping.group(2).split(",")) {
                if (!label.isBlank() && !labelsOfQuery.contains(label.strip())) {
                    problems.add(title + ": no metric of the query has label " + label.strip() + " (" + expr + ")");
                }
            }
        }
        return problems;
    }

    /** The metric names a PromQL expression selects: identifiers that are no function, keyword or label. */
    static Set<String> metricNames(String expr) {
        String bare = RANGE.matcher(expr).replaceAll("");
        bare = SELECTOR.matcher(bare).replaceAll("$1 ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = bare.replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group(1);
            boolean function = identifier.group(2) != null;
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void metricNamesAreFoundInQueriesOfEveryShape() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le, provider) "
                + "(rate(persona_provider_calls_seconds_bucket{application=~\"$application\"}[$__rate_interval])))"))
                .containsExactly("persona_provider_calls_seconds_bucket");
        assertThat(metricNames("max by (name, state) (resilience4j_circuitbreaker_state{state!=\"closed\"}) == 1"
                + " or on (name) vector(0) and up"))
                .containsExactly("resilience4j_circuitbreaker_state", "up");
    }

    /** Scrapes until every wanted metric is there (counters of a request appear a moment after it finishes). */
    private static void awaitExported(Set<String> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        do {
            exported = new TreeMap<>();
            for (String service : ServiceProcesses.SERVICES) {
                for (PrometheusScrape.Sample sample : PrometheusScrape.of(services, service).samples()) {
                    exported.computeIfAbsent(sample.name(), name -> new HashSet<>()).addAll(sample.labels().keySet());
                }
            }
            if (exported.keySet().containsAll(wanted)) {
                return;
            }
            ServiceProcesses.sleep(500);
        } while (System.nanoTime() < deadline);
    }

    private static JsonNode dashboard() throws IOException {
        return Api.JSON.readTree(Files.readString(DASHBOARD));
    }

    /** Every panel with queries, those inside collapsed rows included. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static Map<String, List<String>> queries(List<JsonNode> panels) {
        Map<String, List<String>> queries = new HashMap<>();
        for (JsonNode panel : panels) {
            List<String> exprs = new ArrayList<>();
            panel.path("targets").forEach(target -> exprs.add(target.path("expr").asString()));
            queries.put(title(panel), exprs);
        }
        return queries;
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asString();
    }

    private static String accept(Api api, String json) {
        Api.Reply reply = api.post("/api/personas", json);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.body().get("requestId").asString();
    }

    private static void awaitFinal(Api api, String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!"PENDING".equals(api.get("/api/requests/" + requestId).body().get("status").asString())) {
                return;
            }
            ServiceProcesses.sleep(200);
        }
        throw new AssertionError("request " + requestId + " still PENDING after 60 s");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
