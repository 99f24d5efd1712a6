package org.creditledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;
import org.creditledger.subject.SubjectCodes;
import org.postgresql.PGConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: the counter-check load benchmark. Run it with {@code bench/check-benchmark.sh}.
 *
 * <ol>
 *   <li>Starts the whole ledger on a fresh embedded PostgreSQL with the demo catalogue.</li>
 *   <li>Loads {@code bench.entries} (1,000,000) active list entries across the demo lists straight into the check
 *       projection's table with COPY (what 1,000,000 projected SubjectListedEvents leave there; the event path is
 *       measured by the replay benchmark).</li>
 *   <li>Freshness: enters and exits subjects over HTTP and polls {@code POST /checks} until the answer changes.</li>
 *   <li>Load: {@code wrk} drives {@code POST /api/v1/checks} over loopback (half listed subjects, half not, random
 *       domains; every check recorded), then {@code pgbench -S} (point selects on 1,000,000 accounts, scale 10)
 *       runs against the same PostgreSQL with the same connection counts: the ceiling.</li>
 *   <li>Steady rate: {@code RateClient} sends {@code bench.rate} checks a second, then pgbench runs one point select
 *       and one insert at the same rate: the database's own tail.</li>
 *   <li>Batches of 1,000 subjects.</li>
 * </ol>
 * System properties: see {@code bench/check-benchmark.sh}.
 */
public final class CheckBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Request bodies written for the load runs; the batches take theirs from the same file, 1,000 each. */
    private static final int BATCH_BODIES = 50_000;

    private CheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("bench.entries", 1_000_000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int[] connections = Arrays.stream(System.getProperty("bench.connections", "16").split(","))
                .filter(c -> !c.isBlank()).mapToInt(Integer::parseInt).toArray(); // empty: the steady run and batches only
        int rate = Integer.getInteger("bench.rate", 300);
        int rateSeconds = Integer.getInteger("bench.rate-seconds", 30);
        String jfr = System.getProperty("bench.jfr");
        int warmUpAlone = Integer.getInteger("bench.batch-warmup", 20);
        int alone = Integer.getInteger("bench.batches-alone", 10);
        if (alone < 1 || warmUpAlone < 0 || warmUpAlone + alone > BATCH_BODIES / 1000 - 5) {
            throw new IllegalArgumentException("bench.batches-alone (at least 1) and bench.batch-warmup may add up to at most "
                    + (BATCH_BODIES / 1000 - 5) + ": the batches take their subjects from " + BATCH_BODIES + " request bodies");
        }
        BenchLedger.run("Counter-check benchmark", String.format("entries=%,d; %d s per load run; connections %s; steady %d checks/s for %d s",
                        entries, seconds, Arrays.toString(connections), rate, rateSeconds),
                Map.of("ledger.demo", "true"), ledger -> {
            ConfigurableApplicationContext app = ledger.app();
            Path dir = ledger.dir();
            int port = ledger.port();
            ApiKeys keys = app.getBean(ApiKeys.class);
            String counter = keys.issue("benchmark counter", Role.COUNTER, "gy-zwfw-bench", null, null).secret();
            String court = keys.issue("benchmark court", Role.LIST_AUTHORITY, null, "最高人民法院", null).secret();
            DataSource db = app.getBean(DataSource.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            awaitCatalogue(db);
            Rss rss = Rss.start();

            long loadStart = System.nanoTime();
            List<String> lists = load(db, entries);
            System.out.printf("LOAD     : %,d active entries on %d lists in %.1f s (COPY + ANALYZE)%n", entries,
                    lists.size(), (System.nanoTime() - loadStart) / 1e9);

            RestClient counterHttp = client(port, counter);
            freshness(client(port, court), counterHttp);

            Path bodies = bodies(dir, entries, BATCH_BODIES);
            Path script = wrkScript(dir, bodies);
            String url = "http://127.0.0.1:" + port;
            warmUp(counterHttp, bodies);
            // pgbench logs in like the application: as its role, with the embedded database's password.
            Database database = new Database(app.getEnvironment().getRequiredProperty("spring.datasource.url"),
                    app.getEnvironment().getRequiredProperty("spring.datasource.username"),
                    app.getEnvironment().getProperty("spring.datasource.password", ""));
            pgbenchInit(database);
            Path selectInsert = selectInsertScript(dir);
            long recordedBefore = count(db, "select count(*) from domain_event_entry where payload_type like '%SubjectCheckedEvent'");
            long answered = 0;
            String vocabulary = counterHttp.get().uri("/api/v1/vocabulary").retrieve().body(String.class);
            for (int c : connections) {
                jdk.jfr.Recording recording = jfr == null ? null : profile();
                rss.reset();
                CpuSplit cpu = CpuSplit.now();
                Load check = wrk(url, counter, script, c, seconds);
                String cpuLine = cpu.since(cpu, check.requests());
                String allocationLine = cpu.allocationSince(cpu, check.requests());
                long checkRss = rss.max();
                if (recording != null) {
                    recording.stop();
                    recording.dump(Path.of(jfr));
                    recording.close();
                    System.out.println("JFR      : check load profiled (settings=profile) into " + jfr);
                }
                answered += check.requests();
                Load ceiling = pgbench(database, List.of("-f", selectInsert.toString()), c, seconds, dir, "select-insert");
                Load select = pgbench(database, List.of("-S"), c, seconds, dir, "select");
                Load auth = wrk(url + "/api/v1/vocabulary", counter, null, c, seconds);
                System.out.printf("CHECKS   c=%-3d: %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%,d answered, %d non-201; JVM RSS max %,d MB)%n",
                        c, check.perSecond(), check.p50(), check.p99(), check.requests(), check.errors(), checkRss >> 20);
                System.out.printf("CPU      c=%-3d: %s%n", c, cpuLine);
                System.out.printf("ALLOC    c=%-3d: %s%n", c, allocationLine);
                System.out.printf("PGBENCH  c=%-3d: %,8.0f tps    p50 %6.2f ms  p99 %6.2f ms  (1 point select + 1 insert per transaction, -M prepared, synchronous_commit on)%n",
                        c, ceiling.perSecond(), ceiling.p50(), ceiling.p99());
                System.out.printf("PGBENCH-S c=%-3d: %,7.0f tps    p50 %6.2f ms  p99 %6.2f ms  (-S -M prepared, scale 10)%n",
                        c, select.perSecond(), select.p50(), select.p99());
                System.out.printf("AUTH GET c=%-3d: %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (GET /api/v1/vocabulary with a COUNTER key, %,d bytes, no database)%n",
                        c, auth.perSecond(), auth.p50(), auth.p99(), vocabulary.getBytes(StandardCharsets.UTF_8).length);
                System.out.printf("RATIO    c=%-3d: checks / pgbench select+insert = %.2f (target >= 0.5); checks / pgbench -S = %.3f; checks / auth GET = %.2f%n",
                        c, check.perSecond() / ceiling.perSecond(), check.perSecond() / select.perSecond(), check.perSecond() / auth.perSecond());
            }
            System.out.printf("LOADAVG  : %s%n", Files.readString(Path.of("/proc/loadavg")).strip());

            boolean followUp = Boolean.parseBoolean(System.getProperty("bench.follow-up", "true"));
            if (!followUp) {
                stopFollowUp(app);
            }
            int warmUp = Integer.getInteger("bench.rate-warmup", 60);
            if (warmUp > 0) { // the steady rate for a while first, unmeasured: the JIT compilers finish their work
                System.out.printf("WARM-UP  : %d checks/s for %d s before the steady run: %s%n", rate, warmUp,
                        rateClient(url, counter, bodies, rate, warmUp).substring("RATE ".length()));
            }
            String steadyJfr = System.getProperty("bench.steady-jfr");
            jdk.jfr.Recording steadyRecording = steadyJfr == null ? null : profile();
            String promotionsJfr = System.getProperty("bench.steady-promotions");
            jdk.jfr.Recording promotionRecording = promotionsJfr == null ? null : promotions();
            rss.reset();
            Meters before = Meters.of(meters);
            CpuSplit steadyCpu = CpuSplit.now();
            String steady = rateClient(url, counter, bodies, rate, rateSeconds);
            long steadyAnswered = Long.parseLong(find(steady, "ok=(\\d+)"));
            String steadyCpuLine = steadyCpu.since(steadyCpu, steadyAnswered + 5L * rate); // the warm-up's checks too
            String steadyAllocationLine = steadyCpu.allocationSince(steadyCpu, steadyAnswered + 5L * rate);
            System.out.printf("STEADY   : %d checks/s for %d s (after 5 s warm-up), latency from each request's due time: %s; JVM RSS max %,d MB; load average %s%n",
                    rate, rateSeconds, steady.substring("RATE ".length()), rss.max() >> 20, Files.readString(Path.of("/proc/loadavg")).strip());
            answered += steadyAnswered;
            if (steadyRecording != null) {
                steadyRecording.stop();
                steadyRecording.dump(Path.of(steadyJfr));
                steadyRecording.close();
                System.out.println("JFR      : steady run profiled (settings=profile) into " + steadyJfr);
            }
            if (promotionRecording != null) {
                promotionRecording.stop();
                promotionRecording.dump(Path.of(promotionsJfr));
                promotionRecording.close();
                System.out.println("JFR      : objects copied by the GC during the steady run (survivor or old) into " + promotionsJfr);
            }
            System.out.printf("STEADY   : %s (warm-up included)%n", steadyCpuLine);
            System.out.printf("ALLOC    : steady run, %s (warm-up included)%n", steadyAllocationLine);
            System.out.printf("STEADY   : server side: %s%n", Meters.of(meters).since(before));
            // The database's own tail at the same rate: the least a recorded check's p99 can be on this machine.
            if (followUp) {
                followUpCaughtUp(app);
            }
            System.out.printf("PGBENCH-R: %d transactions/s for %d s (1 point select + 1 insert each, -M prepared, 32 clients, Poisson arrivals), latency from each transaction's due time: %s; load average %s%n",
                    rate, rateSeconds, pgbenchAtRate(database, selectInsert, rate, 32, rateSeconds, dir),
                    Files.readString(Path.of("/proc/loadavg")).strip());

            String batchJfr = System.getProperty("bench.batch-jfr");
            jdk.jfr.Recording batchRecording = batchJfr == null ? null : profile();
            batch(counterHttp, bodies, meters, 0, 5, 2, null);
            // Batches sent alone, each after the follow-up of the one before: first some unmeasured (the JIT compilers
            // were still compiling the batch's code through 20 batches after the two above), then the measured ones.
            // Each key sends at most five: the batch rate limit is 6,000 checks a minute per key.
            int first = 5;
            for (int sent = 0; sent < warmUpAlone; sent += 5) {
                int rounds = Math.min(5, warmUpAlone - sent);
                batch(client(port, keys.issue("benchmark warm-up " + sent / 5, Role.COUNTER, "gy-zwfw-bench", null, null).secret()),
                        bodies, meters, first, rounds, rounds, () -> followUpCaughtUp(app));
                first += rounds;
            }
            List<Double> aloneTimes = new ArrayList<>();
            CpuSplit batchCpu = CpuSplit.now();
            for (int sent = 0; sent < alone; sent += 5) {
                int rounds = Math.min(5, alone - sent);
                aloneTimes.addAll(batch(client(port, keys.issue("benchmark counter " + (2 + sent / 5), Role.COUNTER,
                        "gy-zwfw-bench", null, null).secret()), bodies, meters, first, rounds, 0, () -> followUpCaughtUp(app)));
                first += rounds;
            }
            List<Double> sorted = aloneTimes.stream().sorted().toList();
            System.out.printf("BATCHES  : %d sent alone after %d unmeasured: server time median %.1f ms (min %.1f, max %.1f); %d of %d under 100 ms%n",
                    sorted.size(), warmUpAlone, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
                    sorted.stream().filter(t -> t < 100).count(), sorted.size());
            System.out.printf("BATCHES  : sent alone, their follow-up included: %s%n", batchCpu.since(batchCpu, 1000L * alone));
            if (batchRecording != null) {
                batchRecording.stop();
                batchRecording.dump(Path.of(batchJfr));
                batchRecording.close();
                System.out.println("JFR      : batches profiled (settings=profile) into " + batchJfr);
            }
            long recorded = count(db, "select count(*) from domain_event_entry where payload_type like '%SubjectCheckedEvent'")
                    - recordedBefore;
            System.out.printf("RECORDED : %,d SubjectCheckedEvents stored during the load runs; %,d single checks answered (+ batches)%n",
                    recorded, answered);
            System.out.printf("MEMORY   : JVM RSS max over the whole run %,d MB; heap max %,d MB%n", rss.overall() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            rss.stop();
        });
    }

    /** Samples this JVM's resident set (VmRSS) every 100 ms; the benchmark runs inside the ledger's JVM. */
    static final class Rss {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong overall = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean running = true;

        static Rss start() {
            Rss rss = new Rss();
            Thread sampler = new Thread(() -> {
                while (rss.running) {
                    long now = now();
                    rss.max.accumulateAndGet(now, Math::max);
                    rss.overall.accumulateAndGet(now, Math::max);
                    // a sampling interval, not a wait for something to happen: park, and stop when interrupted
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }, "bench-rss");
            sampler.setDaemon(true);
            sampler.start();
            return rss;
        }

        static long now() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (java.io.IOException e) {
                return 0;
            }
            return 0;
        }

        void reset() {
            max.set(now());
        }

        long max() {
            return max.get();
        }

        long overall() {
            return overall.get();
        }

        void stop() {
            running = false;
        }
    }

    /** Waits until every tracking processor and the chain have handled every stored event (bounded by their timeouts). */
    static void followUpCaughtUp(ConfigurableApplicationContext app) {
        org.creditledger.readmodel.ProjectionCatchUp catchUp = app.getBean(org.creditledger.readmodel.ProjectionCatchUp.class);
        String[] groups = app.getBean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().entrySet()
                .stream().filter(p -> p.getValue() instanceof org.axonframework.eventhandling.StreamingEventProcessor)
                .map(java.util.Map.Entry::getKey).toArray(String[]::new); // subscribing ones are in the writer's transaction
        catchUp.await(groups);
        DataSource db = app.getBean(DataSource.class);
        org.awaitility.Awaitility.await("the chain at the head").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> count(db, "select coalesce(max(global_index), 0) from event_chain")
                        >= count(db, "select coalesce(max(global_index), 0) from domain_event_entry"));
    }

    /**
     * A diagnosis, not production: stops everything that follows a check after it is answered (every event processor
     * but the check projection's, which the checks read, and the chainer), to see what the follow-up work costs the
     * checks that share its cores ({@code -Dbench.follow-up=false}; in production it runs, here or in another JVM).
     */
    static void stopFollowUp(ConfigurableApplicationContext app) {
        app.getBean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (!name.equals("checks")) {
                processor.shutDown();
            }
        });
        app.getBeansOfType(org.springframework.context.SmartLifecycle.class).values().stream()
                .filter(bean -> bean.getClass().getSimpleName().startsWith("EventChainer")).forEach(org.springframework.context.SmartLifecycle::stop);
        System.out.println("FOLLOW-UP: stopped for the steady run (every processor but 'checks', and the chainer): a diagnosis");
    }

    static jdk.jfr.Recording profile() throws Exception {
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    /**
     * Only the GC's copying of objects (one sample per new promotion buffer: which class, its age, whether it went to
     * the old generation): what outlives young collections. It lengthens the pauses so much (p99 0.9–2.5 s) that the
     * latencies of that run mean nothing; it tells proportions.
     */
    static jdk.jfr.Recording promotions() {
        jdk.jfr.Recording recording = new jdk.jfr.Recording();
        recording.enable("jdk.PromoteObjectInNewPLAB").withoutStackTrace();
        recording.enable("jdk.PromoteObjectOutsidePLAB").withoutStackTrace();
        recording.start();
        return recording;
    }

    /** One point select and one durable insert per transaction: what a recorded check needs of the database at least. */
    static Path selectInsertScript(Path dir) throws Exception {
        Path script = dir.resolve("select-insert.sql");
        Files.writeString(script, """
                \\set aid random(1, 1000000)
                \\set delta random(-5000, 5000)
                BEGIN;
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, :aid, :delta, CURRENT_TIMESTAMP);
                END;
                """);
        return script;
    }

    /** The constant-rate client (RateClient) in its own JVM, on this benchmark's classpath. */
    static String rateClient(String url, String key, Path bodies, int rate, int seconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = run(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RateClient.class.getName(), url + "/api/v1/checks", key, bodies.toString(), String.valueOf(rate),
                String.valueOf(seconds), "5"));
        return out.lines().filter(l -> l.startsWith("RATE ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RATE line in:\n" + out));
    }

    /**
     * {@code POST /checks/batch} of 1,000 subjects, {@code rounds} times, the first {@code warmUps} not measured (at
     * most 5,000 checks per key: within the default batch rate of 6,000 a minute). Server time from the ledger's own
     * timers: {@code http.server.requests} of the batch URI (HTTP, JSON, lookups, recording) and
     * {@code ledger.check.latency} kind=batch (lookups and recording). Returns the server times of the measured batches.
     */
    static List<Double> batch(RestClient http, Path bodies, MeterRegistry meters, int first, int rounds, int warmUps,
                              Runnable beforeEach) throws Exception {
        List<String> lines = Files.readAllLines(bodies);
        List<Double> measured = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int from = (first + round) * 1000;
            String body = "{\"items\":[" + String.join(",", lines.subList(from, from + 1000)) + "]}";
            if (beforeEach != null) {
                beforeEach.run();
            }
            double httpBefore = totalMillis(meters, "http.server.requests", "uri", "/api/v1/checks/batch");
            double checkBefore = totalMillis(meters, "ledger.check.latency", "kind", "batch");
            double commitBefore = totalMillis(meters, "ledger.check.recorder.commit", null, null);
            long started = System.nanoTime();
            String answer = http.post().uri("/api/v1/checks/batch").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(String.class);
            double client = (System.nanoTime() - started) / 1e6;
            double server = totalMillis(meters, "http.server.requests", "uri", "/api/v1/checks/batch") - httpBefore;
            double checks = totalMillis(meters, "ledger.check.latency", "kind", "batch") - checkBefore;
            double commits = totalMillis(meters, "ledger.check.recorder.commit", null, null) - commitBefore;
            int checked = JSON.readTree(answer).path("checked").asInt();
            System.out.printf("BATCH    %s: 1,000 subjects, %d checked: server %.1f ms (http.server.requests; target < 100 ms), "
                            + "lookups + recording %.1f ms (of which the recorder's commits %.1f ms), client round trip %.1f ms; "
                            + "answer %,d bytes%n",
                    (round < warmUps ? "warm-up " + (round + 1) : "run " + (round - warmUps + 1))
                            + (beforeEach == null ? " (back to back)" : " (alone: the follow-up of the one before done)"),
                    checked, server, checks, commits, client, answer.getBytes(StandardCharsets.UTF_8).length);
            if (round >= warmUps) {
                measured.add(server);
            }
        }
        return measured;
    }

    static double totalMillis(MeterRegistry meters, String name, String tag, String value) {
        var search = meters.find(name);
        return (tag == null ? search : search.tag(tag, value)).timers().stream()
                .mapToDouble(t -> t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).sum();
    }

    static RestClient client(int port, String key) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).defaultHeader("X-Api-Key", key).build();
    }

    static void awaitCatalogue(DataSource db) {
        org.awaitility.Awaitility.await("the demo catalogue in the check projection").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(db, "select count(*) from check_list") >= 8 && count(db, "select count(*) from check_measure") >= 20);
    }

    /** COPY the entries into check_entry: subject i is a company (or, every third, a person) on list i mod lists. */
    static List<String> load(DataSource db, int entries) throws Exception {
        List<String> lists = new ArrayList<>();
        LocalDate today = LocalDate.now(SHANGHAI);
        try (Connection c = db.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select list_code, colour from check_list order by list_code")) {
                while (rs.next()) {
                    lists.add(rs.getString(1) + "," + rs.getString(2));
                }
            }
            String listedAt = Instant.now().minus(Duration.ofDays(1)).toString();
            int chunk = 100_000;
            for (int start = 0; start < entries; start += chunk) {
                StringBuilder csv = new StringBuilder();
                for (int i = start; i < Math.min(entries, start + chunk); i++) {
                    String[] list = lists.get(i % lists.size()).split(",");
                    csv.append(new java.util.UUID(0xBE_0000L, i)).append(',').append(subject(i)).append(',')
                            .append(list[0]).append(',').append(list[1]).append(",基准认定机关,BENCH-").append(i).append(',')
                            .append(today.minusDays(100 + i % 300)).append(',').append(today.plusDays(300 + i % 700))
                            .append(",1,").append(listedAt).append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy check_entry (entry_id, subject_code, list_code, colour, authority, decision_no, effective_from,
                            effective_until, listed_position, listed_at) from stdin with (format csv)""",
                        new StringReader(csv.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze check_entry");
            }
        }
        return lists;
    }

    static String subject(long i) {
        return i % 3 == 2 ? SubjectCodes.residentIdFor(i) : SubjectCodes.usccFor(i, false);
    }

    /** Half the bodies name a loaded subject, half a subject on no list; domains at random. */
    static Path bodies(Path dir, int entries, int count) throws Exception {
        Random random = new Random(42);
        MeasureDomain[] domains = MeasureDomain.values();
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < count; k++) {
            String code = k % 2 == 0 ? subject(random.nextInt(entries))
                    : SubjectCodes.usccFor(entries + random.nextInt(10_000_000), false);
            lines.append("{\"subjectCode\":\"").append(code).append("\",\"domain\":\"")
                    .append(domains[random.nextInt(domains.length)]).append("\",\"matter\":\"基准测试事项\"}\n");
        }
        Path file = dir.resolve("bodies.jsonl");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static Path wrkScript(Path dir, Path bodies) throws Exception {
        Path script = dir.resolve("checks.lua");
        Files.writeString(script, """
                local bodies = {}
                for line in io.lines("%s") do bodies[#bodies + 1] = line end
                local i = 0
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                request = function()
                    i = i %% #bodies + 1
                    return wrk.format(nil, "/api/v1/checks", nil, bodies[i])
                end
                """.formatted(bodies));
        return script;
    }

    static void warmUp(RestClient http, Path bodies) throws Exception {
        List<String> lines = Files.readAllLines(bodies);
        for (int k = 0; k < 3000; k++) {
            http.post().uri("/api/v1/checks").contentType(MediaType.APPLICATION_JSON).body(lines.get(k % lines.size()))
                    .retrieve().toBodilessEntity();
        }
    }

    /**
     * Enters a subject on the court's list, then polls checks until RESTRICT; exits it and polls until CLEAR.
     * Reports the time from each write's response to the first check that shows it.
     */
    static void freshness(RestClient court, RestClient counter) throws Exception {
        List<Double> entered = new ArrayList<>();
        List<Double> exited = new ArrayList<>();
        LocalDate today = LocalDate.now(SHANGHAI);
        for (int k = 0; k < 30; k++) {
            String code = SubjectCodes.usccFor(90_000_000L + k, false);
            String body = JSON.writeValueAsString(Map.of("listCode", "DISHONEST_JUDGMENT_DEBTOR",
                    "subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "基准测试企业" + k),
                    "decisionNo", "(2025)基准" + k, "decidedOn", today.minusDays(5).toString(), "reason", "基准测试",
                    "effectiveFrom", today.minusDays(5).toString()));
            JsonNode entry = JSON.readTree(court.post().uri("/api/v1/list-entries").contentType(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().body(String.class));
            long written = System.nanoTime();
            entered.add(untilVerdict(counter, code, "RESTRICT", written));
            court.post().uri(URI.create("/api/v1/list-entries/" + entry.path("entryId").asText() + "/exit"))
                    .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"OTHER\",\"note\":\"基准测试\"}")
                    .retrieve().toBodilessEntity();
            written = System.nanoTime();
            exited.add(untilVerdict(counter, code, "CLEAR", written));
        }
        System.out.printf("FRESHNESS: entry visible to checks after  median %5.1f ms, max %5.1f ms (30 entries, target <= 1000 ms)%n",
                percentile(entered, 50), percentile(entered, 100));
        System.out.printf("FRESHNESS: exit  visible to checks after  median %5.1f ms, max %5.1f ms (30 exits)%n",
                percentile(exited, 50), percentile(exited, 100));
    }

    static double untilVerdict(RestClient counter, String code, String verdict, long since) throws Exception {
        String body = "{\"subjectCode\":\"" + code + "\",\"domain\":\"CONSUMPTION\"}";
        while (true) {
            JsonNode answer = JSON.readTree(counter.post().uri("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                    .body(body).retrieve().body(String.class));
            if (answer.path("verdict").asText().equals(verdict)) {
                return (System.nanoTime() - since) / 1e6;
            }
            if (System.nanoTime() - since > Duration.ofSeconds(10).toNanos()) {
                throw new IllegalStateException("a write did not reach the checks within 10 s");
            }
        }
    }

    record Load(double perSecond, double p50, double p99, long requests, long errors) {
    }

    static Load wrk(String url, String key, Path script, int connections, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        if (key != null) {
            command.addAll(List.of("-H", "X-Api-Key: " + key));
        }
        command.add(url);
        String out = run(command);
        double perSecond = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        return new Load(perSecond, millis(find(out, "\\s50%\\s+([\\d.]+\\w+)")), millis(find(out, "\\s99%\\s+([\\d.]+\\w+)")),
                requests, errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    record Database(String jdbcUrl, String user, String password) {
    }

    static void pgbenchInit(Database database) throws Exception {
        run(withConnection(List.of("pgbench", "-i", "-q", "-s", "10"), database), database);
    }

    static Load pgbench(Database database, List<String> mode, int connections, int seconds, Path dir, String name) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("pgbench-" + name + "-" + connections));
        List<String> command = new ArrayList<>(List.of("pgbench"));
        command.addAll(mode);
        command.addAll(List.of("-M", "prepared", "-c", String.valueOf(connections),
                "-j", "2", "-T", String.valueOf(seconds), "-l", "--log-prefix=" + logs.resolve("log")));
        String out = run(withConnection(command, database), database);
        List<Double> latencies = transactionMillis(logs, false);
        double tps = Double.parseDouble(find(out, "tps = ([\\d.]+) \\(without initial connection time\\)"));
        return new Load(tps, percentile(latencies, 50), percentile(latencies, 99), latencies.size(), 0);
    }

    /**
     * pgbench at a fixed rate ({@code -R}): each transaction's latency from its scheduled start (its time plus the
     * schedule lag, both in pgbench's per-transaction log), as {@code RateClient} counts a check's.
     */
    static String pgbenchAtRate(Database database, Path script, int rate, int clients, int seconds, Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("pgbench-rate-" + rate));
        run(withConnection(List.of("pgbench", "-f", script.toString(), "-M", "prepared", "-R", String.valueOf(rate),
                "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-l",
                "--log-prefix=" + logs.resolve("log")), database), database);
        List<Double> latencies = transactionMillis(logs, true);
        return String.format("sent=%d p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f", latencies.size(),
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                percentile(latencies, 99.9), percentile(latencies, 100));
    }

    /**
     * Each transaction's latency in ms from pgbench's per-transaction logs (client, transaction, time in µs, script,
     * epoch, µs, and with {@code -R} the schedule lag in µs); with the lag, counted from the scheduled start.
     */
    static List<Double> transactionMillis(Path logs, boolean withScheduleLag) throws Exception {
        List<Double> latencies = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.split(" ");
                    long micros = Long.parseLong(fields[2]) + (withScheduleLag ? Long.parseLong(fields[6]) : 0);
                    latencies.add(micros / 1000.0);
                }
            }
        }
        return latencies;
    }

    /** pgbench's connection options from the JDBC URL, e.g. jdbc:postgresql://localhost:5432/postgres. */
    static List<String> withConnection(List<String> command, Database database) {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", database.user(),
                uri.getPath().substring(1)));
        return full;
    }

    static String run(List<String> command) throws Exception {
        return run(command, null);
    }

    /** With the database's password in the child's environment (PGPASSWORD), never on its command line. */
    static String run(List<String> command, Database database) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (database != null) {
            builder.environment().put("PGPASSWORD", database.password());
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + regex + " in:\n" + text);
        }
        return matcher.group(1);
    }

    /** wrk's latency, e.g. 812.00us, 1.53ms, 2.01s, in milliseconds. */
    static double millis(String value) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s)").matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("cannot read latency " + value);
        }
        double number = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            default -> number * 1000;
        };
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
