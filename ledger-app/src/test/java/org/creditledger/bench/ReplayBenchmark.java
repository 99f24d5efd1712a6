package org.creditledger.bench;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.readmodel.rebuild.ProjectionRebuilds;
import org.creditledger.readmodel.rebuild.RebuildJob;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: replays a million events into projections and compares with reading the same rows. Run it with
 * {@code bench/replay-benchmark.sh}. System properties: {@code bench.events} (1000000), {@code bench.projections}
 * (commitments,quota: rebuilt one after the other with {@link ProjectionRebuilds}), {@code bench.axon-replay} (true:
 * also reset the live {@code quota} processor and time Axon's own replay of it), {@code bench.outcome-lag} (-1: every
 * outcome after all letters; n: the outcome of letter i right after letter i + n), {@code ledger.rebuild.batch-size}.
 *
 * <p>The events are made in SQL, not through the API (that would be the import benchmark): one commitment is posted
 * and fulfilled, another breached, through HTTP; their stored rows are the templates. Half of the events are
 * {@code CommitmentPostedEvent}s, copies of the template with a fresh commitment id, unit ({@code bench-unit-00}
 * .. {@code -31}), subject name and record time; the other half are their outcomes, 90% fulfilled and 10% breached.
 * The PostgreSQL data directory is deleted at the end. Every row deserialises as the ledger's own do (same payload type, revision and
 * metadata), and all projections' processors are stopped while they are stored, so the replays have the machine.
 */
public final class ReplayBenchmark {

    private static final int UNITS = 32;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int eventCount = Integer.getInteger("bench.events", 1_000_000);
        List<String> projections = Arrays.asList(System.getProperty("bench.projections", "commitments,quota").split(","));
        boolean axonReplay = Boolean.parseBoolean(System.getProperty("bench.axon-replay", "true"));
        int outcomeLag = Integer.getInteger("bench.outcome-lag", -1);
        BenchLedger.run("Replay benchmark", String.format("events=%,d projections=%s axon-replay=%s outcome-lag=%s rebuild batch=%s", eventCount, projections,
                        axonReplay, outcomeLag < 0 ? "all outcomes after all letters" : outcomeLag + " letters",
                        System.getProperty("ledger.rebuild.batch-size", "1000 (default)")),
                Map.of("logging.level.org.creditledger.readmodel.rebuild", "INFO"), ledger -> {
            ConfigurableApplicationContext app = ledger.app();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            Templates templates = templates(app);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);

            long start = System.nanoTime();
            generate(jdbc, templates, eventCount / 2, outcomeLag < 0 ? eventCount / 2 : outcomeLag);
            System.out.printf("stored %,d events in SQL in %.1f s%n", eventCount, seconds(start));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("vacuum analyze domain_event_entry");
            }
            long total = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
            System.out.printf("event store: %,d events, %s%n", total,
                    jdbc.sql("select pg_size_pretty(pg_total_relation_size('domain_event_entry'))").query(String.class).single());

            rawJdbcRead(dataSource);
            axonReadAndDeserialise(app.getBean(EventStore.class));

            ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
            Caller admin = new Caller(UUID.randomUUID(), "benchmark", Role.ADMIN, null, null);
            for (String projection : projections) {
                rebuild(rebuilds, admin, projection.strip(), jdbc);
            }
            if (axonReplay) {
                axonProcessorReplay(processing.eventProcessor("quota", StreamingEventProcessor.class).orElseThrow(), jdbc, total);
            }
        });
    }

    /** The stored rows of one posted-and-fulfilled and one posted-and-breached commitment, made through HTTP. */
    record Templates(Row posted, Row fulfilled, Row breached, String commitmentId, String breachedId) {
    }

    record Row(String type, String payloadType, String revision, String payload, String metaData) {
    }

    static Templates templates(ConfigurableApplicationContext app) {
        int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        ApiKeys keys = app.getBean(ApiKeys.class);
        RestClient adminHttp = http(port, keys.issue("benchmark", Role.ADMIN, null, null, null).secret());
        adminHttp.put().uri("/api/v1/units/bench-unit-00").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"基准测试单位\",\"kind\":\"COUNTY\"}").retrieve().toBodilessEntity();
        adminHttp.put().uri("/api/v1/units/bench-unit-00/targets/2025").contentType(MediaType.APPLICATION_JSON)
                .body("{\"annualTarget\":100000,\"counting\":\"EACH\",\"quarterlyRule\":true}").retrieve().toBodilessEntity();
        RestClient clerk = http(port, keys.issue("benchmark clerk", Role.UNIT_CLERK, "bench-unit-00", null, null).secret());
        String fulfilled = post(clerk);
        String breached = post(clerk);
        clerk.post().uri("/api/v1/commitments/" + fulfilled + "/outcome").contentType(MediaType.APPLICATION_JSON)
                .body("{\"outcome\":\"FULFILLED\",\"occurredOn\":\"2025-04-01\",\"note\":\"按期补齐材料\"}").retrieve().toBodilessEntity();
        clerk.post().uri("/api/v1/commitments/" + breached + "/outcome").contentType(MediaType.APPLICATION_JSON)
                .body("{\"outcome\":\"BREACHED\",\"occurredOn\":\"2025-04-01\",\"note\":\"未按期补齐材料\"}").retrieve().toBodilessEntity();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String sql = """
                select type, payload_type, payload_revision, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                from domain_event_entry where aggregate_identifier = ? and sequence_number = ?""";
        java.util.function.BiFunction<String, Integer, Row> row = (id, seq) -> jdbc.sql(sql).params(id, seq)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).single();
        return new Templates(row.apply(fulfilled, 0), row.apply(fulfilled, 1), row.apply(breached, 1), fulfilled, breached);
    }

    static RestClient http(int port, String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Api-Key", key).build();
    }

    static String post(RestClient clerk) {
        return clerk.post().uri("/api/v1/commitments").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"unitId":"bench-unit-00","type":"NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                         "subject":{"kind":"LEGAL_PERSON","code":"91110108MA01R7K44D","name":"广元市某某建材有限公司"},
                         "matter":"食品经营许可","content":"本主体承诺所提交的材料真实有效，并在约定期限内补齐材料，如有虚假愿承担相应法律责任。",
                         "signedOn":"2025-03-01"}""")
                .retrieve().body(Map.class).get("commitmentId").toString();
    }

    /**
     * {@code letters} posted events (commitment {@code i}: id {@code md5('bench' || i)}, unit {@code i % 32}) and one
     * outcome each, every 10th a breach. The outcome of letter {@code i} is stored right after letter
     * {@code i + lag}; one event every 12.5 s of 2025 in that order.
     */
    static void generate(JdbcClient jdbc, Templates t, int letters, int lag) {
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                            payload, payload_revision, payload_type, time_stamp)
                        select id, seq, :type, gen_random_uuid()::text,
                               convert_to(case when seq = 0 then :postedMeta else :outcomeMeta end, 'UTF8'),
                               convert_to(replace(replace(replace(
                                   case when seq = 0 then :posted when i % 10 = 0 then :breached else :fulfilled end,
                                   :templateId, id), 'bench-unit-00', unit), '广元市某某建材有限公司', '广元市第' || i || '号市场主体'), 'UTF8'),
                               case when seq = 0 then :postedRevision when i % 10 = 0 then :breachedRevision else :fulfilledRevision end,
                               case when seq = 0 then :postedType when i % 10 = 0 then :breachedType else :fulfilledType end,
                               to_char(timestamp '2025-01-01 00:00' + k * interval '6250 milliseconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                        from (select i, seq, case when seq = 0 then 2 * i else 2 * (i + :lag) + 1 end as k,
                                     md5('bench' || i)::uuid::text as id, 'bench-unit-' || lpad((i % :units)::text, 2, '0') as unit
                              from generate_series(1, :letters) i cross join (values (0), (1)) s (seq)) g
                        order by k""")
                .param("type", t.posted().type())
                .param("postedMeta", t.posted().metaData())
                .param("outcomeMeta", t.fulfilled().metaData())
                .param("posted", t.posted().payload())
                .param("breached", t.breached().payload().replace(t.breachedId(), t.commitmentId()))
                .param("fulfilled", t.fulfilled().payload())
                .param("templateId", t.commitmentId())
                .param("postedRevision", t.posted().revision())
                .param("breachedRevision", t.breached().revision())
                .param("fulfilledRevision", t.fulfilled().revision())
                .param("postedType", t.posted().payloadType())
                .param("breachedType", t.breached().payloadType())
                .param("fulfilledType", t.fulfilled().payloadType())
                .param("lag", lag)
                .param("units", UNITS)
                .param("letters", letters)
                .update();
    }

    /** Baseline: the same rows, every column the event store reads, through plain JDBC with a 1,000-row fetch. */
    static void rawJdbcRead(DataSource dataSource) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    select global_index, time_stamp, event_identifier, aggregate_identifier, sequence_number, type,
                        payload_type, payload_revision, payload, meta_data
                    from domain_event_entry order by global_index""")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getBytes(9).length + rs.getBytes(10).length + rs.getString(2).length();
                    }
                }
            }
            c.commit();
        }
        double s = seconds(start);
        System.out.printf("BASELINE raw JDBC read        : %,d rows in %.1f s = %,.0f rows/s (%,d payload+metadata bytes)%n", rows, s, rows / s, bytes);
    }

    /** Baseline: Axon's event store stream, each event's payload and metadata deserialised, no handler. */
    static void axonReadAndDeserialise(EventStore eventStore) throws Exception {
        long start = System.nanoTime();
        long events = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                event.getPayload();
                event.getMetaData().size();
                events++;
            }
        }
        double s = seconds(start);
        System.out.printf("BASELINE Axon read+deserialise: %,d events in %.1f s = %,.0f events/s%n", events, s, events / s);
    }

    static void rebuild(ProjectionRebuilds rebuilds, Caller admin, String name, JdbcClient jdbc) throws Exception {
        long start = System.nanoTime();
        rebuilds.rebuild(name, admin);
        RebuildJob job = org.awaitility.Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> rebuilds.latest(name).orElseThrow(), latest -> latest.state() != RebuildJob.State.RUNNING);
        double wall = seconds(start);
        System.out.printf("REBUILD %-13s: %s, %,d events in %.1f s (job) = %,.0f events/s; wall incl. switch %.1f s; %s%n", name,
                job.state(), job.processedEvents(), Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0,
                job.eventsPerSecond(Instant.now()), wall, job.error() == null ? "" : "error: " + job.error());
        if ("quota".equals(name)) {
            System.out.printf("        quota_day after rebuild: %s%n", quotaChecksum(jdbc));
        }
    }

    /** Axon's own way: reset the live processor's token and let it replay (batch ledger.read.batch-size). */
    static void axonProcessorReplay(StreamingEventProcessor processor, JdbcClient jdbc, long total) {
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        while (processor.processingStatus().values().stream().noneMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        double s = seconds(start);
        System.out.printf("AXON tracking processor replay of quota (resetTokens): %,d events in %.1f s = %,.0f events/s%n", total, s, total / s);
        System.out.printf("        quota_day after Axon replay: %s%n", quotaChecksum(jdbc));
    }

    static String quotaChecksum(JdbcClient jdbc) {
        return jdbc.sql("select count(*) || ' rows, md5 ' || md5(string_agg(q::text, ';' order by unit_id, day)) from quota_day q")
                .query(String.class).single();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
