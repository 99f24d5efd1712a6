package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.creditledger.subject.SubjectCodes.USCC_FOR_LIMIT;
import static org.creditledger.subject.SubjectCodes.usccFor;

/** A unit's letters as a paged list with filters, and letter numbers (承诺书编号) unique within a unit. */
class CommitmentListApiTest extends LedgerHttpTest {

    Api admin;
    Api clerk;
    String unit;
    String otherUnit;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        unit = "gy-market-" + suffix;
        otherUnit = "gy-forestry-" + suffix;
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "市市场监管局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/units/" + otherUnit, Map.of("name", "市林业局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
        clerk = api().as(keys().clerk(unit));
    }

    static String freshUscc() {
        return usccFor(ThreadLocalRandom.current().nextLong(USCC_FOR_LIMIT), false);
    }

    Map<String, Object> letter(String unitId, String code, String type, String signedOn, String dueDate, String letterNo) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("type", type);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市某某建材有限公司"));
        body.put("matter", "食品经营许可");
        body.put("content", "本单位承诺所提交材料真实有效");
        body.put("signedOn", signedOn);
        body.put("dueDate", dueDate);
        body.put("letterNo", letterNo);
        return body;
    }

    String post(Api caller, Map<String, Object> body) {
        Api.Response posted = caller.post("/api/v1/commitments", body);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    @Test
    void aClerkListsItsUnitsLettersNewestFirstNarrowedByEachFilter() {
        String subject = freshUscc();
        String march = post(clerk, letter(unit, subject, "NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "2025-03-01", "2025-06-30", "广市监承〔2025〕1号"));
        String april = post(clerk, letter(unit, freshUscc(), "INDUSTRY_SELF_DISCIPLINE", "2025-04-01", "2025-12-31", "广市监承〔2025〕2号"));
        String may = post(clerk, letter(unit, freshUscc(), "NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "2025-05-01", null, null));
        post(admin, letter(otherUnit, subject, "NOTIFICATION_IN_LIEU_OF_CERTIFICATE", "2025-05-02", null, "广市监承〔2025〕1号"));
        assertThat(clerk.post("/api/v1/commitments/" + april + "/outcome", Map.of("outcome", "FULFILLED", "occurredOn", "2025-05-10")).status()).isEqualTo(200);

        JsonNode all = clerk.get("/api/v1/commitments").json();
        assertThat(all.path("totalItems").asLong()).as("its own unit when unitId is absent").isEqualTo(3);
        assertThat(ids(all)).containsExactly(may, april, march);
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(50);
        JsonNode first = all.path("items").get(2);
        assertThat(first.path("letterNo").asText()).isEqualTo("广市监承〔2025〕1号");
        assertThat(first.path("subject").path("code").asText()).isEqualTo(subject);

        String byUnit = "/api/v1/commitments?unitId=" + unit;
        assertThat(ids(clerk.get(byUnit + "&status=FULFILLED").json())).containsExactly(april);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(clerk.get(byUnit + "&status=OVERDUE").json()))
                .as("its due date passed without an outcome").containsExactly(march));
        assertThat(ids(clerk.get(byUnit + "&status=POSTED").json())).containsExactly(may);
        assertThat(ids(clerk.get(byUnit + "&type=NOTIFICATION_IN_LIEU_OF_CERTIFICATE").json())).containsExactly(may, march);
        assertThat(ids(clerk.get(byUnit + "&subjectCode=" + subject.toLowerCase()).json())).containsExactly(march);
        assertThat(ids(clerk.get(byUnit + "&signedFrom=2025-04-01").json())).containsExactly(may, april);
        assertThat(ids(clerk.get(byUnit + "&signedTo=2025-04-01").json())).containsExactly(april, march);
        assertThat(ids(clerk.get(byUnit + "&signedFrom=2025-03-02&signedTo=2025-04-30").json())).containsExactly(april);
        assertThat(ids(clerk.get(byUnit + "&dueBefore=2025-07-01").json())).containsExactly(march);
        assertThat(ids(clerk.get(byUnit + "&letterNo=广市监承〔2025〕2号").json())).containsExactly(april);
        JsonNode narrowed = clerk.get(byUnit + "&type=NOTIFICATION_IN_LIEU_OF_CERTIFICATE&signedTo=2025-04-30").json();
        assertThat(ids(narrowed)).containsExactly(march);
        assertThat(narrowed.path("totalItems").asLong()).isEqualTo(1);

        assertThat(ids(api().as(keys().inspector()).get(byUnit).json())).containsExactly(may, april, march);
        JsonNode bySubject = admin.get("/api/v1/commitments?subjectCode=" + subject).json();
        assertThat(bySubject.path("totalItems").asLong()).as("every unit's letters when unitId is absent").isEqualTo(2);
    }

    @Test
    void pagesDoNotOverlapAndAPageBeyondTheEndIsEmptyWithTheSameTotal() {
        List<String> posted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(0, post(clerk, letter(unit, freshUscc(), "OTHER", "2025-03-0" + (i + 1), null, null)));
        }
        JsonNode page0 = clerk.get("/api/v1/commitments?size=2").json();
        JsonNode page1 = clerk.get("/api/v1/commitments?size=2&page=1").json();
        JsonNode page2 = clerk.get("/api/v1/commitments?size=2&page=2").json();
        assertThat(page0.path("totalItems").asLong()).isEqualTo(5);
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("size").asInt()).isEqualTo(2);
        List<String> seen = new java.util.ArrayList<>(ids(page0));
        seen.addAll(ids(page1));
        seen.addAll(ids(page2));
        assertThat(seen).containsExactlyElementsOf(posted);
        JsonNode beyond = clerk.get("/api/v1/commitments?size=2&page=40").json();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalItems").asLong()).isEqualTo(5);

        assertRefused(clerk.get("/api/v1/commitments?size=501"), "size");
        assertRefused(clerk.get("/api/v1/commitments?size=0"), "size");
        assertRefused(clerk.get("/api/v1/commitments?page=-1"), "page");
        assertRefused(clerk.get("/api/v1/commitments?status=LOST"), "status");
        assertRefused(clerk.get("/api/v1/commitments?signedFrom=2025-13-01"), "signedFrom");
        assertRefused(clerk.get("/api/v1/commitments?signedFrom=2025-04-01&signedTo=2025-03-01"), "signedTo");
        assertRefused(admin.get("/api/v1/commitments?unitId=no%20unit"), "unitId");
    }

    @Test
    void aClerkCannotListAnotherUnitsLetters() {
        post(admin, letter(otherUnit, freshUscc(), "OTHER", "2025-03-01", null, null));
        Api.Response refused = clerk.get("/api/v1/commitments?unitId=" + otherUnit);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
        assertThat(clerk.get("/api/v1/commitments").json().path("totalItems").asLong()).isZero();
        assertThat(api().as(keys().clerk(otherUnit)).get("/api/v1/commitments").json().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aSecondLetterWithTheSameNumberInTheUnitIs409NamingTheFirstAndWritesNothing() {
        String first = post(clerk, letter(unit, freshUscc(), "OTHER", "2025-03-01", null, "  广市监承〔2025〕7号 "));
        assertThat(clerk.get("/api/v1/commitments/" + first).json().path("letterNo").asText()).as("trimmed").isEqualTo("广市监承〔2025〕7号");
        long before = events();

        Api.Response again = clerk.post("/api/v1/commitments", letter(unit, freshUscc(), "OTHER", "2025-03-02", null, "广市监承〔2025〕7号"));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:conflict");
        assertThat(again.json().path("detail").asText()).contains(first);
        assertThat(events()).isEqualTo(before);
        assertThat(clerk.get("/api/v1/commitments?letterNo=广市监承〔2025〕7号").json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(clerk.get("/api/v1/commitments").json().path("totalItems").asLong()).isEqualTo(1);
        post(admin, letter(otherUnit, freshUscc(), "OTHER", "2025-03-02", null, "广市监承〔2025〕7号"));
    }

    @Test
    void aLetterNumberIsOneTo64Characters() {
        long before = events();
        assertRefused(clerk.post("/api/v1/commitments", letter(unit, freshUscc(), "OTHER", "2025-03-01", null, "   ")), "letterNo");
        assertRefused(clerk.post("/api/v1/commitments", letter(unit, freshUscc(), "OTHER", "2025-03-01", null, "号".repeat(65))), "letterNo");
        assertThat(events()).isEqualTo(before);
        post(clerk, letter(unit, freshUscc(), "OTHER", "2025-03-01", null, "号".repeat(64)));
    }

    @Test
    void twoLettersPostedAtOnceWithTheSameNumberCannotBothWin() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> posts = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            Map<String, Object> body = letter(unit, freshUscc(), "OTHER", "2025-03-0" + i, null, "广市监承〔2025〕9号");
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return clerk.post("/api/v1/commitments", body);
        })).toList();
        List<Integer> statuses = posts.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
        assertThat(clerk.get("/api/v1/commitments?letterNo=广市监承〔2025〕9号").json().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAUuidIsACommitmentIdSoImportsReachTheirOwnHandler() {
        assertThat(clerk.get("/api/v1/commitments/imports").status()).isEqualTo(200);
        Api.Response notAnId = clerk.get("/api/v1/commitments/not-a-uuid");
        assertThat(notAnId.status()).as(notAnId.toString()).isEqualTo(404);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        Api.Response outcome = clerk.post("/api/v1/commitments/not-a-uuid/outcome", Map.of("outcome", "FULFILLED", "occurredOn", "2025-04-01"));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(404);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("commitmentId");
    }

    private static void assertRefused(Api.Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).as(refused.toString()).containsExactly(field);
    }
}
