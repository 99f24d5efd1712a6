package org.creditledger.faults;

import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 5: the ledger's external PostgreSQL is stopped ({@code pg_ctl stop -m fast}) and started again
 * ({@code pg_ctl restart}, which starts it with the options it last ran with) under a steady load of counter checks.
 * While it is down every check is answered within the client's timeout, with 201 or with a 503 problem; never a
 * 500, never a hang. Every check answered 201 is in the event store. Once the database is back the ledger recovers
 * by itself: within 10 s a check is answered again, and a letter posted is read back.
 */
class DatabaseRestartIT extends FaultFixture {

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration RECOVERY = Duration.ofSeconds(10);
    static final int CLIENTS = 4;

    record Answer(long atNanos, long tookMillis, int status, String contentType, String retryAfter, String checkId, String failure) {
    }

    @Test
    void checksGet503WhileTheDatabaseIsDownNeverA500AndTheLedgerRecoversByItself() throws Exception {
        LedgerProcess ledger = node("ledger");
        Api admin = ledger.admin();
        createUnit(admin);
        Api.Response issued = admin.post("/api/v1/admin/api-keys", Map.of("name", "苍溪县政务服务中心 窗口", "role", "COUNTER"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Api counter = Api.at(ledger.port(), CLIENT_TIMEOUT).as(issued.json().path("secret").asText());

        AtomicBoolean loading = new AtomicBoolean(true);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        // threads of their own: the common pool has a single thread on a 2-core machine
        ExecutorService counters = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int first = 700_000 + client * 50_000;
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = first; loading.get(); i++) {
                    answers.add(check(counter, SubjectCodes.usccFor(i, false)));
                }
            }, counters));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(answers, 201) >= 20);

        Path pgCtl = pgCtl();
        long stoppedAt = System.nanoTime();
        pgCtl(pgCtl, "stop", "-m", "fast");
        await().atMost(Duration.ofSeconds(60)).until(() -> since(answers, stoppedAt, 503) >= 4);
        // restart of a stopped server: starts it with the options it last ran with (postmaster.opts)
        pgCtl(pgCtl, "restart");
        long restartedAt = System.nanoTime();

        await().atMost(remaining(restartedAt)).pollInterval(Duration.ofMillis(50))
                .until(() -> since(answers, restartedAt, 201) > 0);
        long checksBackAfter = (System.nanoTime() - restartedAt) / 1_000_000;
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.Response posted = await().atMost(remaining(restartedAt)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.post("/api/v1/commitments", Map.of("unitId", UNIT, "type", "OTHER",
                        "subject", Map.of("kind", "LEGAL_PERSON", "code", SubjectCodes.usccFor(699_999, false), "name", "广元市某某商贸有限公司"),
                        "matter", "食品经营许可", "content", "承诺所提交材料真实有效", "signedOn", today)), answer -> answer.status() == 201);
        String commitmentId = posted.json().path("commitmentId").asText();
        await().atMost(remaining(restartedAt)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get("/api/v1/commitments/" + commitmentId).status() == 200);
        long recoveredAfter = (System.nanoTime() - restartedAt) / 1_000_000;
        await().atMost(Duration.ofSeconds(30)).until(() -> since(answers, restartedAt, 201) >= 20);
        loading.set(false);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(CLIENT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        counters.shutdown();

        List<Answer> all = List.copyOf(answers);
        assertThat(all).as("answered within the client's timeout, no connection refused").allMatch(a -> a.failure() == null);
        assertThat(all).as("201 or 503, never a 500").allMatch(a -> a.status() == 201 || a.status() == 503);
        assertThat(all.stream().filter(a -> a.status() == 503))
                .as("503 as problem+json").allMatch(a -> a.contentType() != null
                        && MediaType.parseMediaType(a.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(all.stream().filter(a -> a.status() == 503)).as("every 503 says when to ask again")
                .allMatch(a -> a.retryAfter() != null);
        Set<String> answered = new HashSet<>();
        all.stream().filter(a -> a.status() == 201).forEach(a -> answered.add(a.checkId()));
        assertThat(recordedCheckIds()).as("every answered check is in the event store").containsAll(answered);
        assertThat(events("CommitmentPostedEvent")).isEqualTo(1);
        assertUnitStored();

        long unavailable = all.stream().filter(a -> a.status() == 503).count();
        long withRetryAfter = all.stream().filter(a -> a.status() == 503 && a.retryAfter() != null).count();
        long slowest = all.stream().mapToLong(Answer::tookMillis).max().orElse(0);
        System.out.printf("database restart: %d checks, %d answered 201, %d got 503 (%d with Retry-After), slowest answer %d ms; "
                        + "checks answered again %d ms and a write read back %d ms after the database was back%n",
                all.size(), answered.size(), unavailable, withRetryAfter, slowest, checksBackAfter, recoveredAfter);
    }

    static Answer check(Api counter, String subjectCode) {
        long started = System.nanoTime();
        try {
            Api.Response answer = counter.post("/api/v1/checks", Map.of("subjectCode", subjectCode, "domain", "GOVERNMENT_PROCUREMENT"));
            String checkId = answer.status() == 201 ? answer.json().path("checkId").asText() : null;
            return new Answer(System.nanoTime(), (System.nanoTime() - started) / 1_000_000, answer.status(),
                    answer.headers().getContentType() == null ? null : answer.headers().getContentType().toString(),
                    answer.headers().getFirst("Retry-After"), checkId, null);
        } catch (RuntimeException e) {
            return new Answer(System.nanoTime(), (System.nanoTime() - started) / 1_000_000, -1, null, null, null, e.toString());
        }
    }

    static long count(List<Answer> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    static long since(List<Answer> answers, long nanos, int status) {
        return answers.stream().filter(a -> a.atNanos() - nanos > 0 && a.status() == status).count();
    }

    static Duration remaining(long sinceNanos) {
        return RECOVERY.minusNanos(System.nanoTime() - sinceNanos);
    }

    /** A check's receipt number is the identifier of the event that records it. */
    Set<String> recordedCheckIds() {
        return new HashSet<>(jdbc.sql("select event_identifier from domain_event_entry where payload_type like '%SubjectCheckedEvent'")
                .query(String.class).list());
    }

    /** The {@code pg_ctl} beside the {@code postgres} binary the test's database runs (zonky's, unpacked at its start). */
    Path pgCtl() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(database.dataDir().resolve("postmaster.pid")).get(0).strip());
        String postgres = ProcessHandle.of(pid).flatMap(process -> process.info().command())
                .orElseThrow(() -> new AssertionError("cannot see the command of the database's process " + pid));
        Path pgCtl = Path.of(postgres).resolveSibling("pg_ctl");
        assertThat(pgCtl).exists();
        return pgCtl;
    }

    /**
     * Runs {@code pg_ctl} on the database's directory and waits for it ({@code -w}). Like zonky, through
     * {@code unshare -U} when the tests run as root: PostgreSQL refuses to run as root, and in a user namespace of
     * its own the process is not.
     */
    void pgCtl(Path pgCtl, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", database.dataDir().toString(), "-w", "-t", "60"));
        command.addAll(List.of(arguments));
        Path log = dir.resolve("pg_ctl.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("pg_ctl " + arguments[0]).isTrue();
        assertThat(process.exitValue()).as("pg_ctl " + String.join(" ", arguments) + ": " + Files.readString(log)).isZero();
    }
}
