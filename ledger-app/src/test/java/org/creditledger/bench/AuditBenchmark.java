package org.creditledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.creditledger.audit.chain.EventChain;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;
import org.creditledger.subject.SubjectCodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * Not a test: the tamper-evident chain over a million events. Run it with {@code bench/audit-benchmark.sh}.
 * System property {@code bench.events} (1000000).
 *
 * <p>One run: the ledger in-process on a fresh embedded PostgreSQL; one commitment posted over HTTP; the read-model
 * processors stopped (this measures the chain, not projections); then {@code bench.events - 1} rows generated in SQL
 * from that real event (same payload type, payload and metadata shape; a fresh commitment id, subject name, signing
 * date, record time and correlation id per row) while the benchmark holds the chainer's advisory lock; then, with the lock released, the
 * background chainer's rate, three runs of {@code POST /api/v1/audit/verify} over all events, and baselines of the
 * same run: {@code select count(*)}, a JDBC read of every column of every row, and PostgreSQL hashing every row.
 */
public final class AuditBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        BenchLedger.run("Audit chain benchmark", String.format("events=%,d", events),
                Map.of(), ledger -> {
            ConfigurableApplicationContext app = ledger.app();
            int port = ledger.port();
            String admin = app.getBean(ApiKeys.class).issue("benchmark", Role.ADMIN, null, null, null).secret();
            RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Api-Key", admin).build();
            DataSource dataSource = app.getBean(DataSource.class);

            String unitId = "bench-unit";
            http.put().uri("/api/v1/units/" + unitId).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"基准测试单位\",\"kind\":\"COUNTY\"}").retrieve().toBodilessEntity();
            String template = JSON.readTree(http.post().uri("/api/v1/commitments").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("unitId", unitId, "type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                            "subject", Map.of("kind", "LEGAL_PERSON", "code", SubjectCodes.usccFor(1, false), "name", "广元市第1号市场主体"),
                            "matter", "食品经营许可证核发", "content", "本主体承诺所提交的材料真实有效，并在约定期限内补齐材料，如有虚假愿承担相应法律责任。",
                            "signedOn", "2025-03-01"))
                    .retrieve().body(String.class)).path("commitmentId").asText();
            app.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);

            try (Connection lock = dataSource.getConnection()) {
                lock.createStatement().execute("select pg_advisory_lock(" + EventChain.LOCK_KEY + ")");
                load(dataSource, template, events);
                lock.createStatement().execute("select pg_advisory_unlock(" + EventChain.LOCK_KEY + ")");
            }
            long head = count(dataSource, "select max(global_index) from domain_event_entry");
            long stored = count(dataSource, "select count(*) from domain_event_entry");
            long rowBytes = count(dataSource, "select sum(octet_length(payload) + octet_length(meta_data)) from domain_event_entry");
            System.out.printf("stored: %,d events, global index up to %,d; payload + meta_data %,.0f MB (%,d bytes/event); table %s%n",
                    stored, head, rowBytes / 1e6, rowBytes / stored,
                    text(dataSource, "select pg_size_pretty(pg_total_relation_size('domain_event_entry'))"));

            long start = System.nanoTime();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofHours(1)).pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> count(dataSource, "select coalesce(max(global_index), 0) from event_chain") >= head);
            report("CHAIN   (background chainer, 10,000 per transaction)", stored, start);

            for (int run = 1; run <= 3; run++) {
                start = System.nanoTime();
                count(dataSource, "select count(*) from domain_event_entry");
                report("BASELINE select count(*) from domain_event_entry   ", stored, start);
                start = System.nanoTime();
                readAll(dataSource);
                report("BASELINE JDBC read of every column, fetch 10,000   ", stored, start);
                start = System.nanoTime();
                count(dataSource, "select count(" + EventChain.EVENT_HASH + ") from domain_event_entry e");
                report("BASELINE PostgreSQL hashing every row (no chain)   ", stored, start);
                start = System.nanoTime();
                JsonNode verified = JSON.readTree(http.post().uri("/api/v1/audit/verify").retrieve().body(String.class));
                report("VERIFY  POST /api/v1/audit/verify                  ", verified.path("checkedEvents").asLong(), start);
                System.out.println("        " + verified);
                if (!verified.path("ok").asBoolean() || verified.path("checkedEvents").asLong() != stored) {
                    throw new IllegalStateException("verify did not check every event: " + verified);
                }
            }
        });
    }

    /** {@code total - 1} copies of the template commitment's event, 100,000 per transaction, then VACUUM ANALYZE. */
    static void load(DataSource dataSource, String template, int total) throws Exception {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String sql = """
                    insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                        payload, payload_revision, payload_type, time_stamp)
                    select g.id, 0, t.type, gen_random_uuid()::text,
                        convert_to(replace(convert_from(t.meta_data, 'UTF8'), t.meta_data_correlation, gen_random_uuid()::text), 'UTF8'),
                        convert_to(replace(replace(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, g.id),
                            '广元市第1号', '广元市第' || g.n || '号'), '"2025-03-01"', '"' || (date '2025-01-01' + g.n % 300) || '"'), 'UTF8'),
                        t.payload_revision, t.payload_type,
                        to_char(timestamp '2025-01-01' + g.n * interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    from (select *, convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' as meta_data_correlation
                          from domain_event_entry where aggregate_identifier = ?) t,
                         (select n, gen_random_uuid()::text as id from generate_series(?, ?) n) g""";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int from = 2; from <= total; from += 100_000) {
                    insert.setString(1, template);
                    insert.setInt(2, from);
                    insert.setInt(3, Math.min(total, from + 99_999));
                    insert.executeUpdate();
                    c.commit();
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze domain_event_entry");
            }
        }
        report("LOAD    (generated in SQL, 100,000 per transaction, + vacuum analyze)", total - 1, start);
    }

    static void readAll(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                long bytes = 0;
                try (ResultSet rs = s.executeQuery("select * from domain_event_entry order by global_index")) {
                    while (rs.next()) {
                        bytes += rs.getBytes("payload").length + rs.getBytes("meta_data").length + rs.getString("event_identifier").length()
                                + rs.getString("aggregate_identifier").length() + rs.getString("time_stamp").length();
                    }
                }
                if (bytes == 0) {
                    throw new IllegalStateException("nothing read");
                }
            }
            c.commit();
        }
    }

    static void report(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %,d events in %.2f s = %,.0f events/s%n", what, count, seconds, count / seconds);
    }

    static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
