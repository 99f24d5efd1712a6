package org.creditledger.listing;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.Page;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.creditledger.subject.SubjectCodes.residentIdFor;
import static org.creditledger.subject.SubjectCodes.usccFor;

/** Entering subjects on lists, exits, objections and repairs over real HTTP, as the list's authority would. */
class ListEntryApiTest extends LedgerHttpTest {

    static final String AUTHORITY = "国家市场监督管理总局";

    @Autowired
    LedgerCommands commands;

    Api admin;
    Api authority;
    String listCode;

    @BeforeEach
    void setUp() {
        TestKeys keys = keys();
        admin = api().as(keys.admin());
        authority = api().as(keys.listAuthority(AUTHORITY));
        listCode = defineList(true, 12);
    }

    String defineList(boolean earlyRepairAllowed, int minMonthsBeforeRepair) {
        String code = "MARKET_SERIOUS_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Api.Response defined = admin.put("/api/v1/lists/" + code, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", AUTHORITY, "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)",
                "periodMonths", 36, "earlyRepairAllowed", earlyRepairAllowed, "minMonthsBeforeRepair", minMonthsBeforeRepair));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return code;
    }

    static String freshUscc() {
        return usccFor(ThreadLocalRandom.current().nextLong(usccForLimit()), false);
    }

    private static long usccForLimit() {
        return org.creditledger.subject.SubjectCodes.USCC_FOR_LIMIT;
    }

    static Map<String, Object> entry(String listCode, String usccCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", listCode);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", usccCode, "name", "广元市某某食品有限公司"));
        body.put("decisionNo", "广市监严失〔2024〕12号");
        body.put("decidedOn", "2024-06-03");
        body.put("reason", "因同一性质违法行为受到两次以上较重行政处罚");
        body.put("effectiveFrom", "2024-06-03");
        body.put("legalRepresentative", Map.of("name", "王某某"));
        body.put("responsiblePersons", List.of(Map.of("name", "王某某", "role", "主要负责人"), Map.of("name", "李某", "role", "直接责任人")));
        return body;
    }

    String enter(String usccCode) {
        Api.Response entered = authority.post("/api/v1/list-entries", entry(listCode, usccCode));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String entryId = entered.json().path("entryId").asText();
        assertThat(entered.headers().getLocation()).hasToString("/api/v1/list-entries/" + entryId);
        return entryId;
    }

    @Test
    void anEnteredSubjectIsActiveWithThePeriodOfItsListAndItsHistory() {
        String code = freshUscc();
        String entryId = enter(code);

        JsonNode shown = authority.get("/api/v1/list-entries/" + entryId).json();
        assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.path("listCode").asText()).isEqualTo(listCode);
        assertThat(shown.path("subject").path("code").asText()).isEqualTo(code);
        assertThat(shown.path("disputed").asBoolean()).isFalse();
        assertThat(shown.path("effectiveFrom").asText()).isEqualTo("2024-06-03");
        assertThat(shown.path("effectiveUntil").asText()).as("36 months, the last day included").isEqualTo("2027-06-02");
        assertThat(shown.path("decisionNo").asText()).isEqualTo("广市监严失〔2024〕12号");
        assertThat(shown.path("history")).hasSize(1);
        assertThat(shown.path("history").get(0).path("type").asText()).isEqualTo("SUBJECT_LISTED");
        assertThat(shown.path("history").get(0).path("recordedAt").asText()).isNotBlank();

        JsonNode found = admin.get("/api/v1/list-entries?subjectCode=" + code + "&status=ACTIVE").json();
        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("totalItems").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("entryId").asText()).isEqualTo(entryId);
        assertThat(admin.get("/api/v1/list-entries?listCode=" + listCode).json().path("items")).hasSize(1);
    }

    @Test
    void anEndBeyondTheListsPeriodIs422UnlessTheListAllowsThatMuchExtension() {
        String refusedCode = freshUscc();
        Map<String, Object> tooLong = entry(listCode, refusedCode);
        tooLong.put("effectiveUntil", "2027-06-03");
        Api.Response refused = authority.post("/api/v1/list-entries", tooLong);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("effectiveUntil");
        assertThat(refused.json().path("detail").asText()).contains("2027-06-02");
        assertThat(admin.get("/api/v1/list-entries?subjectCode=" + refusedCode).json().path("totalItems").asLong())
                .as("nothing recorded").isZero();

        Map<String, Object> lastDay = entry(listCode, freshUscc());
        lastDay.put("effectiveUntil", "2027-06-02");
        assertThat(authority.post("/api/v1/list-entries", lastDay).status()).as("the period's last day").isEqualTo(201);

        // a list whose decisions may extend the period by up to 24 months: 36 + 24 from 2024-06-03
        String extendable = "MARKET_SERIOUS_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Api.Response defined = admin.put("/api/v1/lists/" + extendable, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", AUTHORITY, "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)",
                "periodMonths", 36, "earlyRepairAllowed", false, "maxExtensionMonths", 24));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Map<String, Object> extended = entry(extendable, freshUscc());
        extended.put("effectiveUntil", "2029-06-02");
        Api.Response accepted = authority.post("/api/v1/list-entries", extended);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().path("effectiveUntil").asText()).isEqualTo("2029-06-02");
        Map<String, Object> beyond = entry(extendable, freshUscc());
        beyond.put("effectiveUntil", "2029-06-03");
        Api.Response refusedBeyond = authority.post("/api/v1/list-entries", beyond);
        assertThat(refusedBeyond.status()).as(refusedBeyond.toString()).isEqualTo(422);
        assertThat(refusedBeyond.json().path("errors").findValuesAsText("field")).containsExactly("effectiveUntil");
    }

    @Test
    void aSecondEntryIsRefusedNamingTheActiveOne() {
        String code = freshUscc();
        String active = enter(code);

        Api.Response again = authority.post("/api/v1/list-entries", entry(listCode, code));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("（条目 " + active + "）");
    }

    /** The entry decides the caller's authority before its event meets the one-active-entry key: 403, not 409. */
    @Test
    void anotherAuthorityIsRefusedBeforeItLearnsTheSubjectIsListed() {
        String code = freshUscc();
        enter(code);
        long before = events();

        Api.Response refused = api().as(keys().listAuthority("最高人民法院")).post("/api/v1/list-entries", entry(listCode, code));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theSameSubjectCannotBeActiveTwiceOnTheSameList() {
        String code = freshUscc();
        enter(code);
        long before = events();

        Api.Response again = authority.post("/api/v1/list-entries", entry(listCode, code));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:conflict");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void concurrentEntriesOfTheSameSubjectOnTheSameListRecordExactlyOne() throws Exception {
        String code = freshUscc();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<CompletableFuture<Api.Response>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return authority.post("/api/v1/list-entries", entry(listCode, code));
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(Api.Response::status).toList();

            assertThat(statuses).as(responses.stream().map(CompletableFuture::join).toList().toString())
                    .containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        long listed = jdbc.sql("""
                        select count(*) from domain_event_entry
                        where payload_type like '%SubjectListedEvent' and convert_from(payload, 'UTF8') like ?""")
                .param("%" + code + "%").query(Long.class).single();
        assertThat(listed).isEqualTo(1);
    }

    /** The controller's pre-check aside, the lookup table's key alone fails a second entry's command: nothing is stored. */
    @Test
    void theActiveEntryKeyFailsASecondEntryCommandThatSkippedThePreCheck() {
        String code = freshUscc();
        enter(code);
        long before = events();
        EnterListCommand second = new EnterListCommand(EntryId.random(), listCode, AUTHORITY,
                new SubjectRef(SubjectKind.LEGAL_PERSON, code, "广元市某某食品有限公司"), "广市监严失〔2024〕13号",
                LocalDate.parse("2024-06-03"), "重复列入", LocalDate.parse("2024-06-03"), LocalDate.parse("2027-06-02"),
                null, List.of(), true, 12, AUTHORITY, ListColour.BLACK, false);

        assertThatThrownBy(() -> commands.send(second, LedgerMetadata.system("test", null)))
                .isInstanceOf(LedgerProblem.class)
                .satisfies(e -> assertThat(((LedgerProblem) e).type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anExitIsFinalAndFreesTheSubjectForANewEntry() {
        String code = freshUscc();
        String entryId = enter(code);

        Api.Response exited = authority.post("/api/v1/list-entries/" + entryId + "/exit",
                Map.of("reason", "REVOKED", "documentNo", "广市监撤〔2025〕3号", "note", "原处罚决定被撤销"));
        assertThat(exited.status()).as(exited.toString()).isEqualTo(200);

        JsonNode shown = authority.get("/api/v1/list-entries/" + entryId).json();
        assertThat(shown.path("status").asText()).isEqualTo("EXITED");
        assertThat(shown.path("exitReason").asText()).isEqualTo("REVOKED");
        assertThat(shown.path("history").get(1).path("type").asText()).isEqualTo("SUBJECT_DELISTED");
        assertThat(shown.path("history").get(1).path("documentNo").asText()).isEqualTo("广市监撤〔2025〕3号");

        long before = events();
        Api.Response again = authority.post("/api/v1/list-entries/" + entryId + "/exit", Map.of("reason", "OTHER", "note", "再次移出"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(events()).isEqualTo(before);

        assertThat(authority.post("/api/v1/list-entries", entry(listCode, code)).status()).isEqualTo(201);
    }

    @Test
    void anObjectionDisputesTheEntryUntilDecidedInWorkingDaysAndUpheldItExitsTheEntry() {
        String entryId = enter(freshUscc());

        Api.Response filed = authority.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "处罚决定已被复议撤销", "filedOn", "2025-09-26"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        // 15 working days after Fri 26 Sep 2025: 28 Sep (调休), 29-30 Sep, National Day 1-8 Oct off, 11 Oct (调休) … 23 Oct
        assertThat(filed.json().path("decideBy").asText()).isEqualTo("2025-10-23");
        String objectionId = filed.json().path("objectionId").asText();

        JsonNode disputed = authority.get("/api/v1/list-entries/" + entryId).json();
        assertThat(disputed.path("disputed").asBoolean()).isTrue();
        JsonNode pending = authority.get("/api/v1/list-entries/pending").json().path("items");
        assertThat(pending.findValuesAsText("itemId")).contains(objectionId);
        // 23 Oct 2025 has passed: the persistent deadline flags the objection as overdue by itself
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(authority.get("/api/v1/list-entries/" + entryId).json().path("objectionOverdue").asBoolean()).isTrue());

        Api.Response decided = authority.post("/api/v1/list-entries/" + entryId + "/objections/" + objectionId + "/decision",
                Map.of("upheld", true, "reason", "复议决定撤销了原处罚"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        JsonNode shown = authority.get("/api/v1/list-entries/" + entryId).json();
        assertThat(shown.path("status").asText()).isEqualTo("EXITED");
        assertThat(shown.path("exitReason").asText()).isEqualTo("OBJECTION_UPHELD");
        assertThat(shown.path("disputed").asBoolean()).isFalse();
        assertThat(shown.path("history").findValuesAsText("type"))
                .containsSubsequence("SUBJECT_LISTED", "OBJECTION_FILED", "OBJECTION_UPHELD", "SUBJECT_DELISTED");
        assertThat(authority.get("/api/v1/list-entries/pending").json().path("items").findValuesAsText("itemId"))
                .doesNotContain(objectionId);
    }

    @Test
    void aListThatForbidsEarlyRepairRefusesARepairApplication() {
        listCode = defineList(false, 0);
        String entryId = enter(freshUscc());
        long before = events();

        Api.Response refused = authority.post("/api/v1/list-entries/" + entryId + "/repairs",
                Map.of("methods", List.of("RECTIFICATION"), "evidence", "整改报告"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anApprovedRepairExitsTheEntryAsRepaired() {
        String entryId = enter(freshUscc());

        Api.Response applied = authority.post("/api/v1/list-entries/" + entryId + "/repairs",
                Map.of("methods", List.of("COMMITMENT", "RECTIFICATION", "TRAINING"), "evidence", "信用承诺书、整改报告、培训证明"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String repairId = applied.json().path("repairId").asText();
        assertThat(authority.get("/api/v1/list-entries/pending").json().path("items").findValuesAsText("itemId")).contains(repairId);

        Api.Response approved = authority.post("/api/v1/list-entries/" + entryId + "/repairs/" + repairId + "/decision",
                Map.of("approved", true, "reason", "整改到位，准予修复"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        JsonNode shown = authority.get("/api/v1/list-entries/" + entryId).json();
        assertThat(shown.path("status").asText()).isEqualTo("EXITED");
        assertThat(shown.path("exitReason").asText()).isEqualTo("REPAIRED");
        assertThat(shown.path("history").findValuesAsText("type")).contains("REPAIR_APPLIED", "REPAIR_APPROVED");
    }

    @Test
    void anotherAuthorityMayNeitherEnterNorActOnTheEntries() {
        Api court = api().as(keys().listAuthority("最高人民法院"));
        String entryId = enter(freshUscc());
        long before = events();

        assertThat(court.post("/api/v1/list-entries", entry(listCode, freshUscc())).status()).isEqualTo(403);
        assertThat(court.post("/api/v1/list-entries/" + entryId + "/exit", Map.of("reason", "OTHER", "note", "x")).status()).isEqualTo(403);
        assertThat(court.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "异议", "filedOn", "2025-09-26")).status()).isEqualTo(403);
        assertThat(court.post("/api/v1/list-entries/" + entryId + "/repairs",
                Map.of("methods", List.of("TRAINING"), "evidence", "培训证明")).status()).isEqualTo(403);
        assertThat(court.get("/api/v1/list-entries/pending?authority=" + AUTHORITY).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aCounterSeesANaturalPersonsNumberMasked() {
        String id = residentIdFor(ThreadLocalRandom.current().nextLong(org.creditledger.subject.SubjectCodes.RESIDENT_ID_FOR_LIMIT));
        Map<String, Object> body = entry(listCode, freshUscc());
        body.put("subject", Map.of("kind", "NATURAL_PERSON", "code", id, "name", "张某某"));
        Api.Response entered = authority.post("/api/v1/list-entries", body);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String entryId = entered.json().path("entryId").asText();

        JsonNode counter = api().as(keys().counter()).get("/api/v1/list-entries/" + entryId).json();
        assertThat(counter.path("subject").path("code").asText()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(counter.toString()).doesNotContain(id);
        assertThat(authority.get("/api/v1/list-entries/" + entryId).json().path("subject").path("code").asText()).isEqualTo(id);
    }

    @Test
    void anotherAuthoritySeesANaturalPersonsNumberMaskedAndItsOwnAuthoritySeesItInFull() {
        String id = residentIdFor(ThreadLocalRandom.current().nextLong(org.creditledger.subject.SubjectCodes.RESIDENT_ID_FOR_LIMIT));
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        Map<String, Object> body = entry(listCode, freshUscc());
        body.put("subject", Map.of("kind", "NATURAL_PERSON", "code", id, "name", "张某某"));
        Api.Response entered = authority.post("/api/v1/list-entries", body);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String entryId = entered.json().path("entryId").asText();
        Api court = api().as(keys().listAuthority("最高人民法院"));

        JsonNode seenByCourt = court.get("/api/v1/list-entries/" + entryId).json();
        assertThat(seenByCourt.path("subject").path("code").asText()).isEqualTo(masked);
        assertThat(seenByCourt.path("decisionNo").asText()).as("the entry itself is visible for joint punishment")
                .isEqualTo("广市监严失〔2024〕12号");
        assertThat(seenByCourt.toString()).doesNotContain(id);
        Api.Response courtSearch = court.get("/api/v1/list-entries?subjectCode=" + id);
        assertThat(courtSearch.json().path("items").findValuesAsText("entryId")).containsExactly(entryId);
        assertThat(courtSearch.json().path("items").get(0).path("subject").path("code").asText()).isEqualTo(masked);
        assertThat(courtSearch.text()).doesNotContain(id);
        assertThat(court.get("/api/v1/list-entries?listCode=" + listCode).text()).contains(masked).doesNotContain(id);

        assertThat(authority.get("/api/v1/list-entries/" + entryId).json().path("subject").path("code").asText()).isEqualTo(id);
        assertThat(authority.get("/api/v1/list-entries?subjectCode=" + id).json().path("items").get(0)
                .path("subject").path("code").asText()).isEqualTo(id);
        assertThat(api().as(keys().inspector()).get("/api/v1/list-entries/" + entryId).json()
                .path("subject").path("code").asText()).isEqualTo(id);
        assertThat(admin.get("/api/v1/list-entries?listCode=" + listCode).json().path("items").get(0)
                .path("subject").path("code").asText()).isEqualTo(id);
    }

    @Test
    void anAuthoritySeesWhatAwaitsItsOwnDecisionsOnly() {
        String entryId = enter(freshUscc());
        String objectionId = authority.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "处罚决定已被复议撤销", "filedOn", "2025-09-26")).json().path("objectionId").asText();
        Api court = api().as(keys().listAuthority("最高人民法院"));

        Api.Response courtPending = court.get("/api/v1/list-entries/pending?size=" + Page.MAX_SIZE);
        assertThat(courtPending.status()).as(courtPending.toString()).isEqualTo(200);
        assertThat(courtPending.json().path("items").findValuesAsText("itemId")).doesNotContain(objectionId);
        assertThat(courtPending.json().path("items").findValuesAsText("listAuthority"))
                .allSatisfy(shown -> assertThat(shown).isEqualTo("最高人民法院"));
        assertThat(pendingIds(authority, "")).contains(objectionId);
        assertThat(pendingIds(admin, "?authority=" + AUTHORITY)).contains(objectionId);
        assertThat(court.get("/api/v1/list-entries/pending?authority=" + AUTHORITY).status()).isEqualTo(403);
    }

    /** Every pending item the caller sees, page by page; {@code query} may name an authority. */
    private List<String> pendingIds(Api caller, String query) {
        List<String> ids = new ArrayList<>();
        String separator = query.isEmpty() ? "?" : query + "&";
        for (int page = 0; ; page++) {
            JsonNode found = caller.get("/api/v1/list-entries/pending" + separator + "size=" + Page.MAX_SIZE + "&page=" + page).json();
            if (found.path("items").isEmpty()) {
                assertThat(found.path("totalItems").asLong()).isEqualTo(ids.size());
                return ids;
            }
            ids.addAll(found.path("items").findValuesAsText("itemId"));
        }
    }

    @Test
    void aSearchAnswersOnePageAtATimeWithTheTotal() {
        List<String> entered = List.of(enter(freshUscc()), enter(freshUscc()), enter(freshUscc()));

        JsonNode first = admin.get("/api/v1/list-entries?listCode=" + listCode + "&size=2").json();
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("totalItems").asLong()).isEqualTo(3);
        JsonNode second = admin.get("/api/v1/list-entries?listCode=" + listCode + "&size=2&page=1").json();
        List<String> paged = new ArrayList<>(first.path("items").findValuesAsText("entryId"));
        paged.addAll(second.path("items").findValuesAsText("entryId"));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(entered);
        assertThat(first.path("items")).hasSize(2);

        JsonNode beyond = admin.get("/api/v1/list-entries?listCode=" + listCode + "&size=2&page=7").json();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalItems").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/v1/list-entries?listCode=" + listCode).json().path("size").asInt()).isEqualTo(Page.DEFAULT_SIZE);

        assertRefused(admin, "/api/v1/list-entries?listCode=" + listCode + "&size=" + (Page.MAX_SIZE + 1), "size");
        assertRefused(admin, "/api/v1/list-entries?listCode=" + listCode + "&size=0", "size");
        assertRefused(admin, "/api/v1/list-entries?listCode=" + listCode + "&page=-1", "page");
        assertRefused(admin, "/api/v1/list-entries?listCode=" + listCode + "&size=many", "size");
        assertRefused(authority, "/api/v1/list-entries/pending?size=" + (Page.MAX_SIZE + 1), "size");
        assertRefused(authority, "/api/v1/list-entries/pending?page=-1", "page");
    }

    private static void assertRefused(Api caller, String path, String field) {
        Api.Response refused = caller.get(path);
        assertThat(refused.status()).as(path + ": " + refused).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).as(refused.toString()).containsExactly(field);
    }

    @Test
    void anUnknownEntryIs404AndASearchNeedsAListOrASubject() {
        String unknown = UUID.randomUUID().toString();
        assertThat(authority.get("/api/v1/list-entries/" + unknown).status()).isEqualTo(404);
        assertThat(authority.post("/api/v1/list-entries/" + unknown + "/exit", Map.of("reason", "OTHER", "note", "x")).status()).isEqualTo(404);
        assertThat(authority.post("/api/v1/list-entries/" + unknown + "/objections", Map.of("grounds", "异议", "filedOn", "2025-09-26")).status()).isEqualTo(404);
        Api.Response search = admin.get("/api/v1/list-entries?status=ACTIVE");
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.contentType()).startsWith("application/problem+json");
    }
}
