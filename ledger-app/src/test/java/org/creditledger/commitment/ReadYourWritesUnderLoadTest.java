package org.creditledger.commitment;

import org.axonframework.config.EventProcessingConfiguration;
import org.creditledger.LedgerApplication;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read-your-writes holds while other clients write: several clerks each post a letter and read it back at once, over and
 * over, while other clients keep posting. Every read shows its client's write; a read model that could not reach it in
 * time answers 503 with {@code Retry-After} (then the client retries), never a stale 404 or a stale count.
 *
 * <p>Nothing here depends on timing: a correct ledger passes whatever the machine's load, because a stale answer is
 * the only failure, and the retry after a 503 waits for the read model however long the machine needs.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadYourWritesUnderLoadTest {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWritesUnderLoadTest.class);
    private static final int CLERKS = 4;
    private static final int WRITES_PER_CLERK = 50;
    private static final int BACKGROUND_WRITERS = 2;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    EventProcessingConfiguration processing;

    final AtomicInteger unavailable = new AtomicInteger();

    @Test
    void everyClerkReadsItsOwnLetterWhileOthersKeepWriting() throws Exception {
        ReadYourWritesApiTest.awaitProjectionsCaughtUp(processing);
        TestKeys keys = new TestKeys(apiKeys);
        Api api = Api.at(port);
        String admin = keys.admin();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        List<String> clerkUnits = new ArrayList<>();
        for (int c = 0; c < CLERKS; c++) {
            clerkUnits.add(unitWithTarget(api.as(admin), today.getYear()));
        }
        String busyUnit = unitWithTarget(api.as(admin), today.getYear());
        Api busyClerk = api.as(keys.clerk(busyUnit));

        ExecutorService threads = Executors.newFixedThreadPool(CLERKS + BACKGROUND_WRITERS);
        AtomicBoolean clerksDone = new AtomicBoolean();
        AtomicInteger backgroundWrites = new AtomicInteger();
        try {
            List<Future<?>> background = new ArrayList<>();
            for (int w = 0; w < BACKGROUND_WRITERS; w++) {
                background.add(threads.submit(() -> {
                    while (!clerksDone.get()) {
                        Api.Response posted = busyClerk.post("/api/v1/commitments", letter(busyUnit, today, backgroundWrites.incrementAndGet()));
                        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            List<Future<?>> clerks = new ArrayList<>();
            for (String unitId : clerkUnits) {
                Api clerk = api.as(keys.clerk(unitId));
                clerks.add(threads.submit(() -> {
                    for (int i = 1; i <= WRITES_PER_CLERK; i++) {
                        Api.Response posted = clerk.post("/api/v1/commitments", letter(unitId, today, i));
                        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
                        String id = posted.json().path("commitmentId").asText();

                        Api.Response view = readOwnWrite(clerk, "/api/v1/commitments/" + id);
                        assertThat(view.status()).as("letter %d of %s: %s", i, unitId, view).isEqualTo(200);
                        assertThat(view.json().path("status").asText()).isEqualTo("POSTED");

                        Api.Response quota = readOwnWrite(clerk, "/api/v1/units/" + unitId + "/quota/" + today.getYear());
                        assertThat(quota.status()).as(quota.toString()).isEqualTo(200);
                        assertThat(quota.json().path("letters").asLong()).as("quota of %s after its letter %d", unitId, i).isEqualTo(i);
                    }
                    return null;
                }));
            }
            for (Future<?> clerk : clerks) {
                clerk.get();
            }
            clerksDone.set(true);
            for (Future<?> writer : background) {
                writer.get();
            }
        } finally {
            clerksDone.set(true);
            threads.shutdownNow();
        }
        log.info("{} clerks x {} write-then-read rounds beside {} other writes: every read saw its write; {} reads got 503 "
                + "and were retried", CLERKS, WRITES_PER_CLERK, backgroundWrites.get(), unavailable.get());
    }

    /** A read that answers; a 503 must say when to come back, and the client does so until it gets an answer. */
    private Api.Response readOwnWrite(Api clerk, String path) {
        Api.Response first = checkedUnavailable(clerk.get(path));
        if (first.status() != 503) {
            return first;
        }
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> checkedUnavailable(clerk.get(path)), r -> r.status() != 503);
    }

    private Api.Response checkedUnavailable(Api.Response r) {
        if (r.status() == 503) {
            unavailable.incrementAndGet();
            assertThat(r.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:unavailable");
            assertThat(r.headers().getFirst(HttpHeaders.RETRY_AFTER)).as("503 says when to retry").isNotBlank();
        }
        return r;
    }

    private static String unitWithTarget(Api admin, int year) {
        String unitId = "gy-load-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "市教育局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + unitId + "/targets/" + year,
                Map.of("annualTarget", 500, "counting", "COMBINED", "quarterlyRule", true)).status()).isEqualTo(200);
        return unitId;
    }

    private static Map<String, Object> letter(String unitId, LocalDate today, int n) {
        return Map.of("unitId", unitId, "type", "VOLUNTARY_DISCLOSURE",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某教育培训有限公司"),
                "matter", "民办学校办学许可 " + n, "content", "本单位承诺依法诚信办学", "signedOn", today.toString());
    }
}
