package org.creditledger.listing;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lists' repair rules (issue 12) over real HTTP: the date a list counts its minimum wait from, the commitment letter
 * a repair names, the repair's decision deadline with its overdue flag, and the pending list's reminders (提醒预警).
 * Each test keeps its own authority, so its pending list holds its own items only.
 */
class RepairRulesApiTest extends LedgerHttpTest {

    static final String BASIS = "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)";

    Api admin;
    Api authority;
    String authorityName;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        authorityName = "广元市市场监督管理局-" + UUID.randomUUID().toString().substring(0, 8);
        authority = api().as(keys().listAuthority(authorityName));
    }

    /** A black list of this test's authority: 36 months, early repair after {@code minMonths} (none when null). */
    String defineList(Integer minMonths, Map<String, Object> repairRules) {
        String code = "MARKET_SERIOUS_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Map<String, Object> body = new HashMap<>(Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", authorityName, "legalBasis", BASIS, "periodMonths", 36,
                "earlyRepairAllowed", minMonths != null, "minMonthsBeforeRepair", minMonths == null ? 0 : minMonths));
        body.putAll(repairRules);
        Api.Response defined = admin.put("/api/v1/lists/" + code, body);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return code;
    }

    String enter(String listCode, String subjectCode, LocalDate decidedOn, LocalDate effectiveFrom) {
        Map<String, Object> body = ListEntryApiTest.entry(listCode, subjectCode);
        body.put("decidedOn", decidedOn.toString());
        body.put("effectiveFrom", effectiveFrom.toString());
        Api.Response entered = authority.post("/api/v1/list-entries", body);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        return entered.json().path("entryId").asText();
    }

    String enter(String listCode, String subjectCode) {
        return enter(listCode, subjectCode, LocalDate.parse("2024-06-03"), LocalDate.parse("2024-06-03"));
    }

    /** A commitment letter of {@code type} signed by {@code subjectCode}, posted by a unit's clerk. */
    String letter(String subjectCode, String type) {
        String unitId = "gy-market-regulation-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "市市场监管局", "kind", "MUNICIPAL_DEPARTMENT")).status())
                .isEqualTo(201);
        Api.Response posted = api().as(keys().clerk(unitId)).post("/api/v1/commitments", Map.of("unitId", unitId, "type", type,
                "subject", Map.of("kind", "LEGAL_PERSON", "code", subjectCode, "name", "广元市某某食品有限公司"),
                "matter", "申请信用修复", "content", "本单位承诺已纠正失信行为，今后依法诚信经营", "signedOn", "2025-08-01"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    Api.Response applyForRepair(String entryId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("methods", List.of("COMMITMENT", "RECTIFICATION"),
                "evidence", "信用修复承诺书、整改报告"));
        body.putAll(extra);
        return authority.post("/api/v1/list-entries/" + entryId + "/repairs", body);
    }

    List<JsonNode> pending() {
        JsonNode page = authority.get("/api/v1/list-entries/pending?size=500").json();
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    static void assertRefusedOn(Api.Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly(field);
    }

    // ---- the list's settings ---------------------------------------------------------------------------------------

    @Test
    void aListShowsItsRepairRulesAndDefaultsToWhatTheLedgerDidBefore() {
        String wages = defineList(6, Map.of("repairWaitFrom", "CORRECTION", "repairDecisionWorkingDays", 10,
                "repairCommitmentRequired", true));
        String plain = defineList(12, Map.of());

        JsonNode lists = admin.get("/api/v1/lists").json();
        JsonNode shownWages = StreamSupport.stream(lists.spliterator(), false)
                .filter(list -> list.path("listCode").asText().equals(wages)).findFirst().orElseThrow();
        assertThat(shownWages.path("repairWaitFrom").asText()).isEqualTo("CORRECTION");
        assertThat(shownWages.path("repairDecisionWorkingDays").asInt()).isEqualTo(10);
        assertThat(shownWages.path("repairCommitmentRequired").asBoolean()).isTrue();
        JsonNode shownPlain = StreamSupport.stream(lists.spliterator(), false)
                .filter(list -> list.path("listCode").asText().equals(plain)).findFirst().orElseThrow();
        assertThat(shownPlain.path("repairWaitFrom").asText()).isEqualTo("DECISION");
        assertThat(shownPlain.path("repairDecisionWorkingDays").asInt()).isEqualTo(5);
        assertThat(shownPlain.path("repairCommitmentRequired").asBoolean()).isFalse();

        Api.Response tooLong = admin.put("/api/v1/lists/" + plain, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", authorityName, "legalBasis", BASIS, "periodMonths", 36, "earlyRepairAllowed", true,
                "repairDecisionWorkingDays", 61));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
    }

    // ---- the minimum wait ------------------------------------------------------------------------------------------

    @Test
    void aListCountingFromTheEntryWaitsFromTheDayTheEntryTookEffect() {
        String listCode = defineList(12, Map.of("repairWaitFrom", "ENTRY"));
        // decided 3 June 2024, on the list from 1 July 2024: 12 months end on 1 July 2025, not 3 June
        String entryId = enter(listCode, ListEntryApiTest.freshUscc(), LocalDate.parse("2024-06-03"), LocalDate.parse("2024-07-01"));
        long before = events();

        Api.Response early = applyForRepair(entryId, Map.of("appliedOn", "2025-06-30"));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().path("detail").asText()).contains("2025-07-01");
        assertThat(events()).isEqualTo(before);

        Api.Response onTime = applyForRepair(entryId, Map.of("appliedOn", "2025-07-01"));
        assertThat(onTime.status()).as(onTime.toString()).isEqualTo(201);
    }

    @Test
    void aListCountingFromTheCorrectionRefusesAnApplicationWithoutItsDate() {
        String listCode = defineList(6, Map.of("repairWaitFrom", "CORRECTION"));
        String entryId = enter(listCode, ListEntryApiTest.freshUscc());
        long before = events();

        assertRefusedOn(applyForRepair(entryId, Map.of()), "correctedOn");
        Api.Response tooSoon = applyForRepair(entryId, Map.of("correctedOn", "2025-03-01", "appliedOn", "2025-08-31"));
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);

        Api.Response applied = applyForRepair(entryId, Map.of("correctedOn", "2025-03-01", "appliedOn", "2025-09-01"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        JsonNode history = authority.get("/api/v1/list-entries/" + entryId).json().path("history");
        assertThat(history.findValuesAsText("correctedOn")).containsExactly("2025-03-01");
    }

    // ---- the commitment letter -------------------------------------------------------------------------------------

    @Test
    void aRepairNamingAnotherSubjectsCommitmentIs422OnCommitmentId() {
        String listCode = defineList(12, Map.of());
        String entryId = enter(listCode, ListEntryApiTest.freshUscc());
        String othersLetter = letter(ListEntryApiTest.freshUscc(), "CREDIT_REPAIR");
        long before = events();

        assertRefusedOn(applyForRepair(entryId, Map.of("commitmentId", othersLetter)), "commitmentId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRepairNamingACommitmentOfAnotherTypeIs422OnCommitmentId() {
        String listCode = defineList(12, Map.of());
        String subject = ListEntryApiTest.freshUscc();
        String entryId = enter(listCode, subject);
        String notARepairLetter = letter(subject, "NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        long before = events();

        Api.Response refused = applyForRepair(entryId, Map.of("commitmentId", notARepairLetter));
        assertRefusedOn(refused, "commitmentId");
        assertThat(refused.json().path("detail").asText()).contains("信用修复型");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRepairNamingAnUnknownCommitmentIs422OnCommitmentId() {
        String listCode = defineList(12, Map.of());
        String entryId = enter(listCode, ListEntryApiTest.freshUscc());
        long before = events();

        assertRefusedOn(applyForRepair(entryId, Map.of("commitmentId", UUID.randomUUID().toString())), "commitmentId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aListRequiringACommitmentTakesTheSubjectsOwnCreditRepairLetterOnly() {
        String listCode = defineList(12, Map.of("repairCommitmentRequired", true));
        String subject = ListEntryApiTest.freshUscc();
        String entryId = enter(listCode, subject);

        assertRefusedOn(applyForRepair(entryId, Map.of()), "commitmentId");

        Api.Response applied = applyForRepair(entryId, Map.of("commitmentId", letter(subject, "CREDIT_REPAIR")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    }

    /** V2_15 fills the letter lookup from the letters already stored: one posted before it is not "unknown". */
    @Test
    void aLetterPostedBeforeTheLookupExistedIsFoundThroughTheMigrationsBackfill() throws Exception {
        String listCode = defineList(12, Map.of());
        String subject = ListEntryApiTest.freshUscc();
        String entryId = enter(listCode, subject);
        String earlier = letter(subject, "CREDIT_REPAIR");
        jdbc.sql("delete from commitment_letter where commitment_id = ?").param(UUID.fromString(earlier)).update();
        assertRefusedOn(applyForRepair(entryId, Map.of("commitmentId", earlier)), "commitmentId");

        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V2_15__repair_rules.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("insert into commitment_letter"));
        jdbc.sql(backfill.substring(0, backfill.indexOf(';'))).update();

        Api.Response applied = applyForRepair(entryId, Map.of("commitmentId", earlier));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    }

    // ---- the decision deadline -------------------------------------------------------------------------------------

    @Test
    void anUndecidedRepairIsOverdueAfterFiveWorkingDaysOnThePendingList() {
        String listCode = defineList(12, Map.of());
        String entryId = enter(listCode, ListEntryApiTest.freshUscc());

        // applied on Tuesday 30 September 2025: National Day 1-8 October off, Saturday 11 October worked (调休)
        Api.Response applied = applyForRepair(entryId, Map.of("appliedOn", "2025-09-30"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().path("decideBy").asText()).isEqualTo("2025-10-14");
        String repairId = applied.json().path("repairId").asText();

        // 14 October 2025 has passed: the persistent deadline flags the repair by itself
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(pending())
                .filteredOn(item -> item.path("itemId").asText().equals(repairId)).singleElement()
                .satisfies(item -> {
                    assertThat(item.path("kind").asText()).isEqualTo("REPAIR");
                    assertThat(item.path("decideBy").asText()).isEqualTo("2025-10-14");
                    assertThat(item.path("overdue").asBoolean()).isTrue();
                }));

        Api.Response decided = authority.post("/api/v1/list-entries/" + entryId + "/repairs/" + repairId + "/decision",
                Map.of("approved", false, "reason", "整改材料不全"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(authority.get("/api/v1/list-entries/" + entryId).json().path("history").findValuesAsText("type"))
                .containsSubsequence("REPAIR_APPLIED", "REPAIR_OVERDUE", "REPAIR_REJECTED");
    }

    @Test
    void aRepairAppliedTodayIsDueInTheListsWorkingDaysAndNotOverdue() {
        String listCode = defineList(12, Map.of("repairDecisionWorkingDays", 20));
        String entryId = enter(listCode, ListEntryApiTest.freshUscc());

        Api.Response applied = applyForRepair(entryId, Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.parse(applied.json().path("decideBy").asText())).isAfter(today.plusDays(20 + 1));
        assertThat(pending()).filteredOn(item -> item.path("itemId").asText().equals(applied.json().path("repairId").asText()))
                .singleElement().satisfies(item -> assertThat(item.path("overdue").asBoolean()).isFalse());
    }

    // ---- reminders (提醒预警) --------------------------------------------------------------------------------------

    @Test
    void thePendingListRemindsOfEntriesEligibleForRepairUntilOneIsApplied() {
        String listCode = defineList(12, Map.of());
        String eligible = enter(listCode, ListEntryApiTest.freshUscc());
        LocalDate recently = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
        String waiting = enter(listCode, ListEntryApiTest.freshUscc(), recently, recently);
        String noEarlyRepair = enter(defineList(null, Map.of()), ListEntryApiTest.freshUscc());
        String fromCorrection = enter(defineList(6, Map.of("repairWaitFrom", "CORRECTION")), ListEntryApiTest.freshUscc());

        List<JsonNode> reminders = pending().stream().filter(item -> item.path("kind").asText().equals("REPAIR_ELIGIBLE")).toList();
        assertThat(reminders).extracting(item -> item.path("entryId").asText()).containsExactly(eligible)
                .doesNotContain(waiting, noEarlyRepair, fromCorrection);
        assertThat(reminders.get(0).path("eligibleFrom").asText()).as("12 months after the decision of 2024-06-03")
                .isEqualTo("2025-06-03");
        assertThat(reminders.get(0).path("listCode").asText()).isEqualTo(listCode);
        assertThat(reminders.get(0).path("listAuthority").asText()).isEqualTo(authorityName);
        assertThat(reminders.get(0).path("itemId").asText()).as("the entry is what to act on").isEqualTo(eligible);

        Api.Response applied = applyForRepair(eligible, Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        List<JsonNode> after = pending();
        assertThat(after).extracting(item -> item.path("kind").asText()).containsExactly("REPAIR");
        assertThat(after.get(0).path("entryId").asText()).isEqualTo(eligible);

        Api.Response rejected = authority.post("/api/v1/list-entries/" + eligible + "/repairs/"
                + applied.json().path("repairId").asText() + "/decision", Map.of("approved", false, "reason", "整改材料不全"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(pending()).extracting(item -> item.path("kind").asText()).as("eligible again: a new application may follow")
                .containsExactly("REPAIR_ELIGIBLE");
    }

    @Test
    void remindersComeAfterWhatAwaitsADecisionAndOnlyForTheAuthoritysOwnLists() {
        String listCode = defineList(12, Map.of());
        String reminded = enter(listCode, ListEntryApiTest.freshUscc());
        String disputed = enter(listCode, ListEntryApiTest.freshUscc());
        Api.Response filed = authority.post("/api/v1/list-entries/" + disputed + "/objections",
                Map.of("grounds", "处罚决定已被复议撤销", "filedOn", "2025-09-26"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);

        List<JsonNode> items = pending();
        assertThat(items).extracting(item -> item.path("kind").asText())
                .containsExactly("OBJECTION", "REPAIR_ELIGIBLE", "REPAIR_ELIGIBLE");
        assertThat(items.subList(1, 3)).extracting(item -> item.path("entryId").asText())
                .containsExactlyInAnyOrder(reminded, disputed);

        JsonNode others = api().as(keys().listAuthority("最高人民法院")).get("/api/v1/list-entries/pending?size=500").json();
        assertThat(others.path("items").findValuesAsText("entryId")).doesNotContain(reminded, disputed);
    }
}
