package org.creditledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.readmodel.ProjectionTables;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the fault-injection tests share: one PostgreSQL of the test's own (the "external" database of every ledger
 * process started here, so it outlives a {@code kill -9} of any of them), ledger processes on it
 * ({@link LedgerProcess}), the test's own connection to it, and the data the tests write.
 */
abstract class FaultFixture {

    static final String UNIT = "gy-faults";
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dir;
    EmbeddedPostgresServer database;
    JdbcClient jdbc;
    final List<LedgerProcess> nodes = new ArrayList<>();

    @BeforeEach
    void startDatabase() {
        database = EmbeddedPostgresServer.startOrReuse(dir.resolve("pgdata").toAbsolutePath().normalize(), true);
        jdbc = LedgerProcess.jdbc(database);
    }

    @AfterEach
    void stopEverything() throws IOException {
        nodes.forEach(LedgerProcess::close);
        EmbeddedPostgresServer.stop(database.dataDir());
        // the processes' logs outlive the temporary directory, for reading after a failure
        Path kept = Path.of("target", "fault-logs", getClass().getSimpleName());
        Files.createDirectories(kept);
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Starts a ledger process on the database and waits until it is up. */
    LedgerProcess node(String name) {
        return node(name, Map.of());
    }

    LedgerProcess node(String name, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(LedgerProcess.on(database));
        env.putAll(environment);
        LedgerProcess node = LedgerProcess.start("ledger-app", dir.resolve(name + ".log"), env);
        nodes.add(node);
        return node.awaitUp();
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    void createUnit(Api admin) {
        ok(admin.put("/api/v1/units/" + UNIT, Map.of("name", "广元市故障演练局", "kind", "MUNICIPAL_DEPARTMENT")));
    }

    /** The unit's registration was acknowledged (201), so its event is in the store, whatever was killed since. */
    void assertUnitStored() {
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%UnitRegisteredEvent'")
                .param(UNIT).query(Long.class).single()).as("the acknowledged unit").isEqualTo(1);
    }

    /** Uploads an import of {@code rows} letters of the unit, each with its own subject; returns the import id. */
    String upload(Api admin, int rows, int firstSubject) {
        StringBuilder csv = new StringBuilder("unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n");
        for (int row = 0; row < rows; row++) {
            csv.append(UNIT).append(",OTHER,LEGAL_PERSON,").append(SubjectCodes.usccFor(firstSubject + row, false))
                    .append(",广元市某某商贸有限公司,食品经营许可,承诺所提交材料真实有效,2025-03-01,\n");
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "letters-" + firstSubject + ".csv";
            }
        });
        Api.Response accepted = admin.exchange(HttpMethod.POST, "/api/v1/commitments/imports", parts, h -> { });
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().path("importId").asText();
    }

    JsonNode awaitImportDone(Api admin, String importId, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> admin.get("/api/v1/commitments/imports/" + importId).json(),
                        job -> "DONE".equals(job.path("state").asText()) || "FAILED".equals(job.path("state").asText()));
    }

    long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    long events(String type) {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type like ?").param("%" + type)
                .query(Long.class).single();
    }

    /** Each processor's lowest committed segment position (-1 for a segment without one). */
    Map<String, Long> processorPositions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        jdbc.sql("select processor_name, convert_from(token, 'UTF8') from token_entry order by processor_name, segment")
                .query((rs, n) -> {
                    String token = rs.getString(2);
                    Matcher index = token == null ? null : TOKEN_INDEX.matcher(token);
                    long position = index != null && index.find() ? Long.parseLong(index.group(1)) : -1;
                    positions.merge(rs.getString(1), position, Math::min);
                    return null;
                }).list();
        return positions;
    }

    /** Waits until every projection's processor has committed the newest event. */
    void awaitProjectionsCaughtUp(Api admin, Duration atMost) {
        long head = head();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
            for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
                assertThat(projection.path("position").asLong(-1)).as(projection.toString()).isGreaterThanOrEqualTo(head);
                assertThat(projection.path("processorRunning").asBoolean()).as(projection.toString()).isTrue();
            }
        });
    }

    /**
     * Every projection holds exactly what a rebuild from the events puts in its tables: dumps its tables, rebuilds it
     * through the API, dumps them again (nothing writes meanwhile).
     */
    void assertEveryProjectionEqualsItsRebuild(Api admin) {
        awaitProjectionsCaughtUp(admin, Duration.ofSeconds(60));
        projections(admin).forEach((name, tables) -> {
            Map<String, List<String>> live = ProjectionTables.rows(jdbc, tables);
            assertThat(rebuild(admin, name).path("state").asText()).as("rebuild of " + name).isEqualTo("DONE");
            assertThat(ProjectionTables.rows(jdbc, tables)).as("projection " + name + " rebuilt from the events").isEqualTo(live);
        });
    }

    /** Starts a rebuild of the projection and waits for its end; returns the finished job. */
    static JsonNode rebuild(Api admin, String name) {
        Api.Response accepted = admin.post("/api/v1/admin/projections/" + name + "/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get("/api/v1/admin/projections/" + name + "/rebuild").json(),
                        job -> !"RUNNING".equals(job.path("state").asText()));
    }

    /** The rebuildable projections as the ledger lists them: name → its tables. */
    static Map<String, List<String>> projections(Api admin) {
        Map<String, List<String>> projections = new LinkedHashMap<>();
        for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
            List<String> tables = new ArrayList<>();
            projection.path("tables").forEach(table -> tables.add(table.asText()));
            projections.put(projection.path("name").asText(), tables);
        }
        assertThat(projections).as("the ledger lists its projections").isNotEmpty();
        return projections;
    }
}
