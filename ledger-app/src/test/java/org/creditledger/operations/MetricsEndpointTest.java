package org.creditledger.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} as a monitoring system reads it with a MONITOR key an administrator issued: after a
 * few checks, an import, a rebuild, an idempotent replay and conflict, and an unknown key, each metric of
 * docs/operations.md is there with a value that follows from what was done. Counters are compared with a scrape
 * taken before, since other tests share the application. Every {@code ledger_} metric served is documented in
 * docs/operations.md, and the Grafana dashboard in docs/ asks only for metrics that are served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest extends LedgerHttpTest {

    static final String UNIT = "gy-metrics-" + UUID.randomUUID().toString().substring(0, 8);

    Api monitor;
    Api admin;
    Scrape before;

    @BeforeAll
    void monitorKeyIssuedByAnAdministrator() {
        admin = api().as(keys().admin());
        Api.Response issued = admin.post("/api/v1/admin/api-keys", Map.of("name", "prometheus " + UNIT, "role", "MONITOR"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        monitor = api().as(issued.json().path("secret").asText());
        assertThat(api().as(issued.json().path("secret").asText()).get("/api/v1/units").status())
                .as("a MONITOR key reads no record").isEqualTo(403);
        before = scrape();
    }

    @Test
    void everyMetricIsThereWithASensibleValue() {
        // checks: three single, one batch of two, one invalid
        Api counter = api().as(keys().counter());
        for (int i = 0; i < 3; i++) {
            Api.Response checked = counter.post("/api/v1/checks", Map.of("subjectCode", company(), "domain", "HONOURS"));
            assertThat(checked.status()).as(checked.toString()).isEqualTo(201);
        }
        Api.Response batch = counter.post("/api/v1/checks/batch", Map.of("items", List.of(
                Map.of("subjectCode", company(), "domain", "HONOURS"), Map.of("subjectCode", company(), "domain", "HONOURS"))));
        assertThat(batch.json().path("checked").asInt()).as(batch.toString()).isEqualTo(2);
        assertThat(counter.post("/api/v1/checks", Map.of("subjectCode", "not-a-code", "domain", "HONOURS")).status()).isEqualTo(400);

        // an import of one row
        assertThat(admin.put("/api/v1/units/" + UNIT, Map.of("name", "广元市指标测试局", "kind", "MUNICIPAL_DEPARTMENT")).status())
                .isBetween(200, 201);
        Api.Response uploaded = admin.exchange(HttpMethod.POST, "/api/v1/commitments/imports", importFile(), h -> { });
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(202);
        String importId = uploaded.json().path("importId").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                admin.get("/api/v1/commitments/imports/" + importId).json().path("state").asText().equals("DONE"));

        // a rebuild of a small projection
        assertThat(admin.post("/api/v1/admin/projections/units/rebuild", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !admin.get("/api/v1/admin/projections/units/rebuild").json().path("state").asText().equals("RUNNING"));
        assertThat(admin.get("/api/v1/admin/projections/units/rebuild").json().path("state").asText()).isEqualTo("DONE");

        // an idempotent write repeated, then its key reused for another request
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> unit = Map.of("name", "广元市指标测试局", "kind", "MUNICIPAL_DEPARTMENT");
        for (int i = 0; i < 2; i++) {
            admin.exchange(HttpMethod.PUT, "/api/v1/units/" + UNIT, unit, h -> h.set("Idempotency-Key", idempotencyKey));
        }
        Api.Response reused = admin.exchange(HttpMethod.PUT, "/api/v1/units/" + UNIT,
                Map.of("name", "广元市另一个局", "kind", "MUNICIPAL_DEPARTMENT"), h -> h.set("Idempotency-Key", idempotencyKey));
        assertThat(reused.status()).isEqualTo(409);

        // an unknown key
        assertThat(api().as("clk_metrics-unknown-" + UUID.randomUUID()).get("/api/v1/units").status()).isEqualTo(401);

        Scrape after = scrape();

        assertThat(after.delta(before, "ledger_check_recorded_total")).isGreaterThanOrEqualTo(5);
        assertThat(after.delta(before, "ledger_check_latency_seconds_count", "kind", "single", "verdict", "CLEAR")).isGreaterThanOrEqualTo(3);
        assertThat(after.delta(before, "ledger_check_latency_seconds_count", "kind", "batch", "verdict", "CLEAR")).isGreaterThanOrEqualTo(1);
        assertThat(after.delta(before, "ledger_check_latency_seconds_count", "kind", "single", "verdict", "NONE")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("ledger_check_latency_seconds_bucket", "kind", "single", "verdict", "CLEAR", "le", "+Inf"))
                .as("a histogram").isEqualTo(after.value("ledger_check_latency_seconds_count", "kind", "single", "verdict", "CLEAR"));
        assertThat(after.series("ledger_check_latency_seconds_bucket").size()).as("histogram buckets").isGreaterThan(20);
        assertThat(after.delta(before, "ledger_check_recorder_batch_size_count")).isBetween(1.0, 4.0);
        assertThat(after.delta(before, "ledger_check_recorder_batch_size_sum")).isGreaterThanOrEqualTo(5);
        assertThat(after.delta(before, "ledger_check_recorder_commit_seconds_count")).isBetween(1.0, 4.0);
        assertThat(after.value("ledger_check_recorder_commit_seconds_sum")).isPositive();

        assertThat(after.delta(before, "ledger_imports_rows_total", "result", "accepted")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("ledger_imports_jobs", "state", "DONE")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("ledger_imports_jobs", "state", "QUEUED")).isGreaterThanOrEqualTo(0);

        assertThat(after.value("ledger_rebuild_progress", "projection", "units")).isEqualTo(1.0);
        assertThat(after.value("ledger_rebuild_running", "projection", "units")).isEqualTo(0.0);
        assertThat(after.value("ledger_rebuild_progress", "projection", "quota")).isBetween(0.0, 1.0);

        assertThat(after.delta(before, "ledger_idempotency_replays_total")).isGreaterThanOrEqualTo(1);
        assertThat(after.delta(before, "ledger_idempotency_conflicts_total", "reason", "key-reused")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("ledger_idempotency_conflicts_total", "reason", "in-progress")).isGreaterThanOrEqualTo(0);
        assertThat(after.delta(before, "ledger_auth_failures_total", "reason", "unknown-key")).isGreaterThanOrEqualTo(1);

        assertThat(after.value("http_server_requests_seconds_count", "method", "POST", "uri", "/api/v1/checks", "status", "201"))
                .isGreaterThanOrEqualTo(3);

        double head = after.value("ledger_events_head");
        assertThat(head).isPositive();
        for (String processor : List.of("checks", "check-stats", "units", "commitments", "timeline")) {
            double position = after.value("ledger_processor_position", "processor", processor);
            assertThat(position).as(processor).isGreaterThanOrEqualTo(-1);
            assertThat(after.value("ledger_processor_lag", "processor", processor)).as(processor)
                    .isEqualTo(Math.max(0, head - position));
        }
        assertThat(after.value("ledger_chain_lag")).isGreaterThanOrEqualTo(0);
        // the processors and the chain reach what was stored by the time of that scrape
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Scrape later = scrape();
            for (Map.Entry<Map<String, String>, Double> position : later.series("ledger_processor_position").entrySet()) {
                assertThat(position.getValue()).as(position.getKey().toString()).isGreaterThanOrEqualTo(head);
            }
            assertThat(later.value("ledger_chain_position")).isGreaterThanOrEqualTo(head);
        });
    }

    /** docs/operations.md names every ledger metric served; the dashboard asks for served metrics only. */
    @Test
    void theDocumentationAndTheDashboardNameWhatIsServed() throws IOException {
        Scrape scrape = scrape();
        Set<String> served = new TreeSet<>();
        for (String name : scrape.names()) {
            served.add(name.replaceAll("_(total|count|sum|max|bucket)$", ""));
        }
        String operations = Files.readString(docs().resolve("operations.md"));
        Set<String> undocumented = new TreeSet<>();
        for (String name : served) {
            if (name.startsWith("ledger_") && !operations.contains(name)) {
                undocumented.add(name);
            }
        }
        assertThat(undocumented).as("ledger metrics served but not in docs/operations.md").isEmpty();

        JsonNode dashboard = new ObjectMapper().readTree(docs().resolve("grafana-ledger.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).as("the dashboard's queries").hasSizeGreaterThan(5);
        Matcher metric = Pattern.compile("\\b((?:ledger|http_server)_[a-z_]+)").matcher(String.join("\n", expressions));
        Set<String> asked = new TreeSet<>();
        while (metric.find()) {
            asked.add(metric.group(1));
        }
        assertThat(scrape.names()).as("metrics the dashboard asks for").containsAll(asked);
    }

    Scrape scrape() {
        Api.Response response = monitor.get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return Scrape.parse(response.text());
    }

    static String company() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    static MultiValueMap<String, Object> importFile() {
        String csv = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n"
                + UNIT + ",OTHER,LEGAL_PERSON," + company() + ",广元市某某建材有限公司,指标测试 " + UUID.randomUUID()
                + ",本单位承诺所提交材料真实有效,2025-02-01,\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "commitments.csv";
            }
        });
        return parts;
    }

    static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("ledger-app"))) {
                return dir.resolve("docs");
            }
        }
        throw new AssertionError("no docs/ above " + Path.of("").toAbsolutePath());
    }

    /** The Prometheus text format read back: each series by metric name and labels. */
    record Scrape(Map<String, Map<Map<String, String>, Double>> metrics) {

        private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Scrape parse(String text) {
            Map<String, Map<Map<String, String>, Double>> metrics = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher sample = SAMPLE.matcher(line.strip());
                assertThat(sample.matches()).as(line).isTrue();
                Map<String, String> labels = new LinkedHashMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                metrics.computeIfAbsent(sample.group(1), name -> new LinkedHashMap<>()).put(labels, number(sample.group(3)));
            }
            return new Scrape(metrics);
        }

        private static double number(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }

        Set<String> names() {
            return metrics.keySet();
        }

        Map<Map<String, String>, Double> series(String name) {
            return metrics.getOrDefault(name, Map.of());
        }

        /** The one series of {@code name} whose labels include {@code labels} (name, value, name, value …). */
        double value(String name, String... labels) {
            List<Double> found = find(name, labels);
            assertThat(found).as(name + " " + List.of(labels) + " in " + series(name).keySet()).hasSize(1);
            return found.get(0);
        }

        private List<Double> find(String name, String... labels) {
            List<Double> found = new ArrayList<>();
            series(name).forEach((seriesLabels, value) -> {
                for (int i = 0; i < labels.length; i += 2) {
                    if (!labels[i + 1].equals(seriesLabels.get(labels[i]))) {
                        return;
                    }
                }
                found.add(value);
            });
            return found;
        }

        /** How much the series grew since {@code earlier}; a series {@code earlier} did not have counts from 0. */
        double delta(Scrape earlier, String name, String... labels) {
            List<Double> then = earlier.find(name, labels);
            return value(name, labels) - (then.isEmpty() ? 0 : then.get(0));
        }
    }
}
