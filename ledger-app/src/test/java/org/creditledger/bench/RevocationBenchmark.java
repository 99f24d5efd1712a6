package org.creditledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;
import org.creditledger.subject.SubjectCodes;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Not a test: how long after a black listing is acknowledged its subject's revocable red entry has exited, and the
 * counter check no longer answers 限制并激励. Run it with {@code bench/revocation-benchmark.sh}. System property
 * {@code bench.subjects} (200).
 *
 * <p>Per subject, sequentially, on an otherwise idle ledger: enter it on a revocable red list, wait until a check sees
 * the red entry, enter it on a black list (t0 = the 201), then poll (1 ms apart) until (a) the black entry shows in the
 * entry read model — the baseline, what any write takes to be readable — (b) the red entry reads EXITED
 * 因列入黑名单撤销, (c) a check answers 限制 only. Percentiles of (a), (b), (c) and the ratios (b)/(a), (c)/(a).
 */
public final class RevocationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** How long the benchmark waits between two polls: 1 ms, the resolution of the delays it measures. */
    private static final long POLL = 1_000_000L;

    private RevocationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subjects = Integer.getInteger("bench.subjects", 200);
        BenchLedger.run("Red-list revocation delay", String.format("subjects=%,d, sequential", subjects), Map.of(), ledger -> {
            ApiKeys keys = ledger.app().getBean(ApiKeys.class);
            RestClient admin = client(ledger.port(), keys.issue("bench admin", Role.ADMIN, null, null, null).secret());
            RestClient counter = client(ledger.port(), keys.issue("bench counter", Role.COUNTER, null, null, null).secret());
            put(admin, "/api/v1/lists/BENCH_BLACK", Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", "最高人民法院",
                    "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24, "earlyRepairAllowed", true));
            put(admin, "/api/v1/lists/BENCH_RED", Map.of("name", "守合同重信用企业", "colour", "RED", "authority", "市场监督管理部门",
                    "legalBasis", "守合同重信用企业公示活动", "periodMonths", 12, "earlyRepairAllowed", false, "revokedOnBlackListing", true));
            put(admin, "/api/v1/measures/BENCH_NO_HONOURS", Map.of("name", "不得参加评优评先", "kind", "PUNISHMENT", "domain", "HONOURS",
                    "scope", "NATIONAL_BASE", "legalBasis", "发改财金〔2016〕141号", "listCodes", java.util.List.of("BENCH_BLACK")));
            put(admin, "/api/v1/measures/BENCH_HONOURS_FIRST", Map.of("name", "评优评先同等条件下优先", "kind", "INCENTIVE", "domain",
                    "HONOURS", "scope", "NATIONAL_BASE", "legalBasis", "发改财金〔2016〕1467号", "listCodes", java.util.List.of("BENCH_RED")));

            double[] visible = new double[subjects];
            double[] revoked = new double[subjects];
            double[] checked = new double[subjects];
            for (int i = 0; i < subjects; i++) {
                String code = SubjectCodes.usccFor(1_000 + i, false);
                String red = enter(admin, "BENCH_RED", code, i);
                until(() -> verdict(counter, code), "INCENTIVE"::equals);
                long t0 = System.nanoTime();
                String black = enter(admin, "BENCH_BLACK", code, i);
                long[] done = new long[3];
                while (done[0] == 0 || done[1] == 0 || done[2] == 0) {
                    if (done[0] == 0 && status(admin, black) != null) {
                        done[0] = System.nanoTime();
                    }
                    if (done[1] == 0 && "EXITED".equals(status(admin, red))) {
                        done[1] = System.nanoTime();
                    }
                    if (done[2] == 0 && "RESTRICT".equals(verdict(counter, code))) {
                        done[2] = System.nanoTime();
                    }
                    LockSupport.parkNanos(POLL);
                }
                visible[i] = (done[0] - t0) / 1e6;
                revoked[i] = (done[1] - t0) / 1e6;
                checked[i] = (done[2] - t0) / 1e6;
            }
            report("(a) black entry readable (baseline)", visible);
            report("(b) red entry exited", revoked);
            report("(c) check answers RESTRICT only", checked);
            System.out.printf(Locale.ROOT, "ratios of medians: (b)/(a) = %.2f, (c)/(a) = %.2f%n",
                    median(revoked) / median(visible), median(checked) / median(visible));
        });
    }

    private static RestClient client(int port, String secret) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Api-Key", secret).build();
    }

    private static void put(RestClient http, String path, Map<String, Object> body) {
        http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private static String enter(RestClient http, String list, String code, int i) throws Exception {
        Map<String, Object> body = Map.of("listCode", list,
                "subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市第" + i + "号市场主体"),
                "decisionNo", "（2025）川08执" + list + i, "decidedOn", TODAY.minusDays(10).toString(),
                "reason", "基准测试", "effectiveFrom", TODAY.minusDays(10).toString());
        return JSON.readTree(http.post().uri("/api/v1/list-entries").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(String.class)).path("entryId").asText();
    }

    private static String status(RestClient http, String entryId) {
        return http.get().uri("/api/v1/list-entries/" + entryId).exchange((request, response) ->
                response.getStatusCode().value() == 200 ? JSON.readTree(response.getBody()).path("status").asText() : null);
    }

    private static String verdict(RestClient counter, String code) throws Exception {
        JsonNode answer = JSON.readTree(counter.post().uri("/api/v1/checks").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subjectCode", code, "domain", "HONOURS")).retrieve().body(String.class));
        return answer.path("verdict").asText();
    }

    interface Probe {
        String get() throws Exception;
    }

    private static void until(Probe probe, Predicate<String> done) throws Exception {
        while (!done.test(probe.get())) {
            LockSupport.parkNanos(POLL);
        }
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static void report(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%-40s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", what, percentile(ms, 50),
                percentile(ms, 95), Arrays.stream(ms).max().orElse(0));
    }
}
