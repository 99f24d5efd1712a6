package org.creditledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;
import org.creditledger.subject.SubjectCodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: measures the bulk import against a raw JDBC batch insert of the same rows on the same PostgreSQL.
 * Run it with {@code bench/import-benchmark.sh}. System properties: {@code bench.rows} (100000), {@code bench.chunk}
 * (1000, the import's {@code ledger.imports.chunk-size}), {@code bench.due-every} (2: every 2nd row has a due date and
 * so a persistent overdue deadline; 0 = none).
 */
public final class ImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "APPROVAL_REPLACEMENT", "INDUSTRY_SELF_DISCIPLINE",
            "VOLUNTARY_DISCLOSURE", "ACCEPTANCE_WITH_DEFICIENCIES", "CREDIT_REPAIR", "OTHER"};

    private ImportBenchmark() {
    }

    record Row(String unitId, String type, String kind, String code, String name, String matter, String content,
               LocalDate signedOn, LocalDate dueDate) {
        String csv() {
            return String.join(",", unitId, type, kind, code, name, matter, content, signedOn.toString(), dueDate == null ? "" : dueDate.toString());
        }
    }

    public static void main(String[] args) throws Exception {
        int rowCount = Integer.getInteger("bench.rows", 100_000);
        int chunk = Integer.getInteger("bench.chunk", 1000);
        int dueEvery = Integer.getInteger("bench.due-every", 2);
        BenchLedger.run("Import benchmark", String.format("rows=%d chunk-size=%d due-date on every %s row", rowCount, chunk, dueEvery == 0 ? "no" : dueEvery + "th"),
                Map.of("ledger.imports.chunk-size", String.valueOf(chunk),
                        // 100,000 CSV rows are about 20 MB, the default upload limit
                        "spring.servlet.multipart.max-file-size", "200MB",
                        "spring.servlet.multipart.max-request-size", "200MB"), ledger -> {
            ConfigurableApplicationContext app = ledger.app();
            int port = ledger.port();
            String admin = app.getBean(ApiKeys.class).issue("benchmark", Role.ADMIN, null, null, null).secret();
            RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Api-Key", admin).build();
            String unitId = "bench-unit";
            http.put().uri("/api/v1/units/" + unitId).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"基准测试单位\",\"kind\":\"COUNTY\"}").retrieve().toBodilessEntity();
            // Letters count in the year they are recorded (now, Asia/Shanghai), so the quota read needs that year's target.
            int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
            http.put().uri("/api/v1/units/" + unitId + "/targets/" + year).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"annualTarget\":100000,\"counting\":\"EACH\",\"quarterlyRule\":true}").retrieve().toBodilessEntity();

            List<Row> rows = generate(rowCount, unitId, dueEvery);
            StringBuilder csv = new StringBuilder("unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate\n");
            rows.forEach(r -> csv.append(r.csv()).append('\n'));
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            System.out.printf("CSV: %,d bytes%n", file.length);

            // ---- the import, end to end over HTTP
            long uploadStart = System.nanoTime();
            JsonNode accepted = upload(http, file);
            long uploadMillis = (System.nanoTime() - uploadStart) / 1_000_000;
            String importId = accepted.path("importId").asText();
            String statusPath = "/api/v1/commitments/imports/" + importId + "?rowsLimit=1";
            JsonNode done = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(30))
                    .pollInterval(java.time.Duration.ofMillis(250))
                    .until(() -> JSON.readTree(http.get().uri(statusPath).retrieve().body(String.class)),
                            status -> !java.util.Set.of("QUEUED", "RUNNING").contains(status.path("state").asText()));
            long wallMillis = (System.nanoTime() - uploadStart) / 1_000_000;
            Instant started = Instant.parse(done.path("startedAt").asText());
            Instant finished = Instant.parse(done.path("finishedAt").asText());
            double importSeconds = Duration.between(started, finished).toMillis() / 1000.0;
            double importRate = done.path("processed").asInt() / importSeconds;
            System.out.printf("import %s: state=%s accepted=%d rejected=%d%n", importId, done.path("state").asText(),
                    done.path("accepted").asInt(), done.path("rejected").asInt());
            System.out.printf("upload request (parse + checks + store file): %d ms; upload to DONE (wall): %d ms%n", uploadMillis, wallMillis);
            System.out.printf("IMPORT  : %,d rows in %.2f s (job startedAt..finishedAt) = %,.0f rows/s%n",
                    done.path("processed").asInt(), importSeconds, importRate);

            DataSource dataSource = app.getBean(DataSource.class);
            long events = count(dataSource, "select count(*) from domain_event_entry where payload_type like '%CommitmentPostedEvent'");
            long deadlines = count(dataSource, "select count(*) from scheduled_tasks");
            System.out.printf("stored: %,d CommitmentPostedEvent, %,d scheduled deadlines%n", events, deadlines);

            // ---- raw JDBC batch insert of the same rows, same PostgreSQL
            double rawRate = rawInsert(dataSource, rows);
            System.out.printf("RAW JDBC: %,d rows = %,.0f rows/s (batch 1000, one commit per batch, reWriteBatchedInserts=true)%n", rows.size(), rawRate);
            System.out.printf("RATIO   : import / raw = %.2f%n", importRate / rawRate);
            System.out.printf("TARGETS : >= 5000 rows/s: %s; >= 0.3 x raw: %s%n", importRate >= 5000 ? "met" : "NOT met",
                    importRate >= 0.3 * rawRate ? "met" : "NOT met");

            quotaLatency(http, unitId);
        });
    }

    static List<Row> generate(int count, String unitId, int dueEvery) {
        Row[] rows = new Row[count];
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < count; i++) {
            String kind;
            String code;
            switch (i % 3) {
                case 0 -> { kind = "LEGAL_PERSON"; code = SubjectCodes.usccFor(i, false); }
                case 1 -> { kind = "INDIVIDUAL_BUSINESS"; code = SubjectCodes.usccFor(i, true); }
                default -> { kind = "NATURAL_PERSON"; code = SubjectCodes.residentIdFor(i); }
            }
            LocalDate signedOn = first.plusDays(i % 300);
            // due dates lie in the future: their overdue deadlines are stored, not fired during the run
            LocalDate dueDate = dueEvery > 0 && i % dueEvery == 0 ? LocalDate.of(2030, 1, 1).plusDays(i % 365) : null;
            rows[i] = new Row(unitId, TYPES[i % TYPES.length], kind, code, "广元市第" + i + "号市场主体",
                    "食品经营许可证核发", "本主体承诺所提交的材料真实有效，并在约定期限内补齐材料，如有虚假愿承担相应法律责任。", signedOn, dueDate);
        }
        return Arrays.asList(rows);
    }

    static JsonNode upload(RestClient http, byte[] file) throws Exception {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "benchmark.csv";
            }
        });
        return JSON.readTree(http.post().uri("/api/v1/commitments/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build()).retrieve().body(String.class));
    }

    static double rawInsert(DataSource dataSource, List<Row> rows) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_raw_commitment (unit_id text, type text, subject_kind text, subject_code text, "
                        + "subject_name text, matter text, content text, signed_on date, due_date date)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into bench_raw_commitment values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int inBatch = 0;
                for (Row r : rows) {
                    ps.setString(1, r.unitId());
                    ps.setString(2, r.type());
                    ps.setString(3, r.kind());
                    ps.setString(4, r.code());
                    ps.setString(5, r.name());
                    ps.setString(6, r.matter());
                    ps.setString(7, r.content());
                    ps.setDate(8, Date.valueOf(r.signedOn()));
                    ps.setDate(9, r.dueDate() == null ? null : Date.valueOf(r.dueDate()));
                    ps.addBatch();
                    if (++inBatch == 1000) {
                        ps.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            return rows.size() / seconds;
        }
    }

    static void quotaLatency(RestClient http, String unitId) {
        String path = "/api/v1/units/" + unitId + "/quota/" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        int status = http.get().uri(path).exchange((req, res) -> res.getStatusCode().value());
        if (status != 200) {
            System.out.println("QUOTA   : quota endpoint not available in this build (GET " + path + " answered " + status + ")");
            return;
        }
        long[] quota = latencies(http, path);
        // Baseline of the same run: the cheapest authenticated-free HTTP round trip this server offers.
        long[] health = latencies(http, "/actuator/health");
        System.out.printf("QUOTA   : GET %s over 1000 sequential calls after 100 warm-up: p50 %.2f ms, p99 %.2f ms%n", path,
                quota[499] / 1e6, quota[989] / 1e6);
        System.out.printf("BASELINE: GET /actuator/health, same way: p50 %.2f ms, p99 %.2f ms; quota/health p50 ratio %.1f%n",
                health[499] / 1e6, health[989] / 1e6, (double) quota[499] / health[499]);
    }

    static long[] latencies(RestClient http, String path) {
        for (int i = 0; i < 100; i++) {
            http.get().uri(path).retrieve().toBodilessEntity();
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            http.get().uri(path).retrieve().toBodilessEntity();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
