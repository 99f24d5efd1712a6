package org.creditledger.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.check.Checks.check;
import static org.creditledger.check.Checks.checkUntil;
import static org.creditledger.check.Checks.verdict;
import static org.awaitility.Awaitility.await;

/** Counter checks over HTTP: verdicts, disputed entries, exits and expiry, receipts, asOf, batches, masking, counts. */
class CounterCheckApiTest extends LedgerHttpTest {

    static final String COURT = "最高人民法院";
    static final String TAX = "国家税务总局";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final LocalDate IN_FORCE_UNTIL = TODAY.plusMonths(6);

    Api admin;
    Api court;
    Api tax;
    Api counter;
    String suffix;
    String blackList;
    String redList;
    String procurement;
    String honoursBan;
    String honoursPriority;
    String localBidding;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        court = api().as(keys().listAuthority(COURT));
        tax = api().as(keys().listAuthority(TAX));
        counter = api().as(keys().counter());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        blackList = "DISHONEST_DEBTOR_" + suffix;
        redList = "TAX_CREDIT_A_" + suffix;
        procurement = "RESTRICT_PROCUREMENT_" + suffix;
        honoursBan = "NO_HONOURS_" + suffix;
        honoursPriority = "PRIORITY_HONOURS_" + suffix;
        localBidding = "SC_LOCAL_BIDDING_" + suffix;
        define("/api/v1/lists/" + blackList, Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", COURT,
                "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24, "earlyRepairAllowed", true));
        define("/api/v1/lists/" + redList, Map.of("name", "纳税信用A级纳税人名单", "colour", "RED", "authority", TAX,
                "legalBasis", "《纳税信用管理办法（试行）》", "periodMonths", 12, "earlyRepairAllowed", false));
        define("/api/v1/measures/" + procurement, measure("限制参加政府采购活动", "PUNISHMENT", "GOVERNMENT_PROCUREMENT",
                "NATIONAL_BASE", "《政府采购法》第二十二条", blackList));
        define("/api/v1/measures/" + honoursBan, measure("不得参加评优评先", "PUNISHMENT", "HONOURS", "NATIONAL_BASE",
                "发改财金〔2016〕141号", blackList));
        define("/api/v1/measures/" + honoursPriority, measure("评优评先同等条件下优先", "INCENTIVE", "HONOURS", "NATIONAL_BASE",
                "发改财金〔2016〕1467号", redList));
        define("/api/v1/measures/" + localBidding, measure("限制参与本省招标投标", "PUNISHMENT", "BIDDING", "LOCAL_SUPPLEMENT",
                "《四川省社会信用条例》第四十二条", blackList));
    }

    void define(String path, Map<String, Object> body) {
        Api.Response saved = admin.put(path, body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    }

    static Map<String, Object> measure(String name, String kind, String domain, String scope, String legalBasis,
                                       String listCode) {
        return Map.of("name", name, "kind", kind, "domain", domain, "scope", scope, "legalBasis", legalBasis,
                "listCodes", List.of(listCode));
    }

    static String company() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    static String person() {
        return SubjectCodes.residentIdFor(ThreadLocalRandom.current().nextLong(SubjectCodes.RESIDENT_ID_FOR_LIMIT));
    }

    String enter(Api authority, String listCode, String code, LocalDate from, LocalDate until) {
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", listCode);
        boolean person = !code.startsWith("9"); // company() codes start 91, person() numbers with a region code
        body.put("subject", Map.of("kind", person ? "NATURAL_PERSON" : "LEGAL_PERSON", "code", code,
                "name", person ? "李某某" : "广元市某某建材有限公司"));
        body.put("decisionNo", "(2025)川08执" + suffix);
        body.put("decidedOn", from.toString());
        body.put("reason", "有履行能力而拒不履行生效法律文书确定义务");
        body.put("effectiveFrom", from.toString());
        body.put("effectiveUntil", until.toString());
        Api.Response entered = authority.post("/api/v1/list-entries", body);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        return entered.json().path("entryId").asText();
    }

    String enter(Api authority, String listCode, String code) {
        // in force today and within every test list's period (12 months at least): a later end would need an extension
        return enter(authority, listCode, code, TODAY.minusDays(30), IN_FORCE_UNTIL);
    }




    @Test
    void anUnlistedSubjectIsClearAndTheReceiptReadsBackUnchanged() {
        String code = company();
        Api.Response checked = counter.post("/api/v1/checks", Map.of("subjectCode", code, "domain", "ADMIN_APPROVAL",
                "matter", "食品经营许可"));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(201);
        JsonNode answer = checked.json();
        String checkId = answer.path("checkId").asText();
        assertThat(checked.headers().getLocation()).hasToString("/api/v1/checks/" + checkId);
        assertThat(answer.path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(answer.path("subjectCode").asText()).isEqualTo(code);
        assertThat(answer.path("domain").asText()).isEqualTo("ADMIN_APPROVAL");
        assertThat(answer.path("matter").asText()).isEqualTo("食品经营许可");
        assertThat(answer.path("entries")).isEmpty();
        assertThat(answer.path("measures")).isEmpty();
        assertThat(answer.path("checkedAt").asText()).isNotBlank();
        assertThat(answer.path("asOf").asText()).isEqualTo(answer.path("checkedAt").asText());
        assertThat(answer.path("ledgerPosition").asLong()).isPositive();

        Api.Response read = counter.get("/api/v1/checks/" + checkId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(answer);
        assertThat(api().as(keys().inspector()).get("/api/v1/checks/" + checkId).json()).isEqualTo(answer);
        assertThat(admin.get("/api/v1/checks/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aBlackListEntryRestrictsInTheDomainsOfItsMeasuresWithTheirLegalBasis() {
        String code = company();
        String entryId = enter(court, blackList, code);

        JsonNode answer = checkUntil(counter, code, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));
        assertThat(answer.path("entries")).hasSize(1);
        JsonNode entry = answer.path("entries").get(0);
        assertThat(entry.path("entryId").asText()).isEqualTo(entryId);
        assertThat(entry.path("listCode").asText()).isEqualTo(blackList);
        assertThat(entry.path("colour").asText()).isEqualTo("BLACK");
        assertThat(entry.path("authority").asText()).isEqualTo(COURT);
        assertThat(entry.path("decisionNo").asText()).isEqualTo("(2025)川08执" + suffix);
        assertThat(entry.path("effectiveFrom").asText()).isEqualTo(TODAY.minusDays(30).toString());
        assertThat(entry.path("effectiveUntil").asText()).isEqualTo(IN_FORCE_UNTIL.toString());
        assertThat(entry.path("disputed").asBoolean()).isFalse();
        assertThat(answer.path("measures").findValuesAsText("measureCode")).containsExactly(procurement);
        assertThat(answer.path("measures").get(0).path("kind").asText()).isEqualTo("PUNISHMENT");
        assertThat(answer.path("measures").get(0).path("legalBasis").asText()).isEqualTo("《政府采购法》第二十二条");

        JsonNode otherDomain = check(counter, code, "TAX_PREFERENCE").json();
        assertThat(otherDomain.path("verdict").asText()).as("no measure of that domain applies").isEqualTo("CLEAR");
        assertThat(otherDomain.path("entries")).as("the entry is still shown").hasSize(1);
        assertThat(otherDomain.path("measures")).isEmpty();
    }

    @Test
    void aLocalSupplementMeasureAppliesWithItsLocalLegalBasis() {
        String code = company();
        enter(court, blackList, code);
        JsonNode answer = checkUntil(counter, code, "BIDDING", verdict("RESTRICT"));
        assertThat(answer.path("measures").findValuesAsText("measureCode")).containsExactly(localBidding);
        assertThat(answer.path("measures").get(0).path("scope").asText()).isEqualTo("LOCAL_SUPPLEMENT");
        assertThat(answer.path("measures").get(0).path("legalBasis").asText()).isEqualTo("《四川省社会信用条例》第四十二条");
    }

    @Test
    void aRedListEntryGivesAnIncentiveAndBothListsTogetherGiveRestrictAndIncentive() {
        String code = company();
        enter(tax, redList, code);
        JsonNode incentive = checkUntil(counter, code, "HONOURS", verdict("INCENTIVE"));
        assertThat(incentive.path("entries").get(0).path("colour").asText()).isEqualTo("RED");
        assertThat(incentive.path("measures").findValuesAsText("measureCode")).containsExactly(honoursPriority);

        enter(court, blackList, code);
        JsonNode both = checkUntil(counter, code, "HONOURS", verdict("RESTRICT_AND_INCENTIVE"));
        assertThat(both.path("entries").findValuesAsText("listCode")).containsExactly(redList, blackList);
        assertThat(both.path("measures").findValuesAsText("measureCode")).containsExactlyInAnyOrder(honoursBan, honoursPriority);
    }

    @Test
    void anEntryUnderAnOpenObjectionStillCountsFlaggedAsDisputed() {
        String code = company();
        String entryId = enter(court, blackList, code);
        checkUntil(counter, code, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));

        Api.Response filed = court.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "执行款已全部履行", "filedOn", TODAY.toString()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode disputed = checkUntil(counter, code, "GOVERNMENT_PROCUREMENT",
                answer -> answer.path("entries").path(0).path("disputed").asBoolean());
        assertThat(disputed.path("verdict").asText()).isEqualTo("RESTRICT");

        String objectionId = filed.json().path("objectionId").asText();
        assertThat(court.post("/api/v1/list-entries/" + entryId + "/objections/" + objectionId + "/decision",
                Map.of("upheld", false, "reason", "尚有未履行款项")).status()).isEqualTo(200);
        checkUntil(counter, code, "GOVERNMENT_PROCUREMENT",
                answer -> !answer.path("entries").path(0).path("disputed").asBoolean(true));
    }

    @Test
    void anExitedEntryAndAnExpiredEntryNoLongerCount() {
        String exitedCode = company();
        String entryId = enter(court, blackList, exitedCode);
        checkUntil(counter, exitedCode, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));
        assertThat(court.post("/api/v1/list-entries/" + entryId + "/exit",
                Map.of("reason", "COURT_ORDER", "documentNo", "(2025)川08执恢" + suffix)).status()).isEqualTo(200);
        JsonNode afterExit = checkUntil(counter, exitedCode, "GOVERNMENT_PROCUREMENT", verdict("CLEAR"));
        assertThat(afterExit.path("entries")).isEmpty();

        String expiredCode = company();
        enter(court, blackList, expiredCode, TODAY.minusYears(2), TODAY.minusDays(1));
        // the entry is known at once, but its period ended yesterday
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !admin.get("/api/v1/list-entries?subjectCode=" + expiredCode).json().path("items").isEmpty());
        JsonNode expired = check(counter, expiredCode, "GOVERNMENT_PROCUREMENT").json();
        assertThat(expired.path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(expired.path("entries")).isEmpty();
    }

    /**
     * A live check reads what its projection had processed ({@code ledgerPosition}); asked {@code asOfPosition} that
     * position, the ledger answers what that check read, even at an instant by which more had been recorded — how an
     * inspector tells an answer that lagged from a ledger that changed.
     */
    @Test
    void aCheckAsOfAPositionReadsTheLedgerUpToThatPositionWhateverWasRecordedLater() {
        String code = company();
        JsonNode before = check(counter, code, "GOVERNMENT_PROCUREMENT").json();
        assertThat(before.path("verdict").asText()).isEqualTo("CLEAR");
        enter(court, blackList, code);
        JsonNode after = checkUntil(counter, code, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));

        Map<String, Object> atPosition = new HashMap<>(Map.of("subjectCode", code, "domain", "GOVERNMENT_PROCUREMENT",
                "asOf", after.path("checkedAt").asText(), "asOfPosition", before.path("ledgerPosition").asLong()));
        JsonNode asItRead = counter.post("/api/v1/checks", atPosition).json();
        assertThat(asItRead.path("verdict").asText()).as("the ledger up to the first check's position").isEqualTo("CLEAR");
        assertThat(asItRead.path("ledgerPosition").asLong()).isEqualTo(before.path("ledgerPosition").asLong());

        atPosition.put("asOfPosition", after.path("ledgerPosition").asLong());
        JsonNode later = counter.post("/api/v1/checks", atPosition).json();
        assertThat(later.path("verdict").asText()).isEqualTo("RESTRICT");
        assertThat(later.path("entries")).isEqualTo(after.path("entries"));

        for (long wrong : new long[] {-2, Long.MAX_VALUE}) {
            atPosition.put("asOfPosition", wrong);
            Api.Response refused = counter.post("/api/v1/checks", atPosition);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("asOfPosition");
        }
    }

    @Test
    void aRecordedCheckIsReproducedAsOfItsCheckedAtAfterTheEntryExitedAndTheMeasureChanged() {
        String code = company();
        String entryId = enter(court, blackList, code);
        JsonNode recorded = checkUntil(counter, code, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));

        define2("/api/v1/measures/" + procurement, measure("限制参加政府采购活动", "PUNISHMENT", "GOVERNMENT_PROCUREMENT",
                "NATIONAL_BASE", "《政府采购法》第二十二条；《政府采购法实施条例》第十九条", blackList));
        assertThat(court.post("/api/v1/list-entries/" + entryId + "/exit",
                Map.of("reason", "OTHER", "note", "已履行完毕")).status()).isEqualTo(200);
        checkUntil(counter, code, "GOVERNMENT_PROCUREMENT", verdict("CLEAR"));

        Api.Response reproduced = counter.post("/api/v1/checks", Map.of("subjectCode", code,
                "domain", "GOVERNMENT_PROCUREMENT", "asOf", recorded.path("checkedAt").asText()));
        assertThat(reproduced.status()).as(reproduced.toString()).isEqualTo(201);
        JsonNode again = reproduced.json();
        assertThat(again.path("verdict")).isEqualTo(recorded.path("verdict"));
        assertThat(again.path("entries")).isEqualTo(recorded.path("entries"));
        assertThat(again.path("measures")).isEqualTo(recorded.path("measures"));
        assertThat(again.path("measures").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(again.path("asOf").asText()).isEqualTo(recorded.path("checkedAt").asText());
        assertThat(again.path("checkId").asText()).isNotEqualTo(recorded.path("checkId").asText());
        assertThat(again.path("ledgerPosition").asLong()).isGreaterThanOrEqualTo(recorded.path("ledgerPosition").asLong());

        JsonNode now = check(counter, code, "GOVERNMENT_PROCUREMENT").json();
        assertThat(now.path("verdict").asText()).isEqualTo("CLEAR");
    }

    void define2(String path, Map<String, Object> body) {
        Api.Response saved = admin.put(path, body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    @Test
    void anAsOfInTheFutureOrUnreadableAndOtherBadInputIs400AndRecordsNothing() {
        long before = events();
        Api.Response bad = counter.post("/api/v1/checks", Map.of("subjectCode", "91510802MA6XXXXXX1",
                "domain", "PARKING", "asOf", "tomorrow", "matter", "x".repeat(201)));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("subjectCode", "domain",
                "asOf", "matter");
        Api.Response future = counter.post("/api/v1/checks", Map.of("subjectCode", company(), "domain", "HONOURS",
                "asOf", TODAY.plusDays(2) + "T00:00:00+08:00"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").findValuesAsText("field")).containsExactly("asOf");
        Api.Response missing = counter.post("/api/v1/checks", Map.of());
        assertThat(missing.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("subjectCode", "domain");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBatchChecksEveryValidItemAndReportsInvalidItemsOnTheirOwn() {
        String listed = company();
        enter(court, blackList, listed);
        checkUntil(counter, listed, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));

        List<Map<String, Object>> items = List.of(
                Map.of("subjectCode", listed, "domain", "GOVERNMENT_PROCUREMENT"),
                Map.of("subjectCode", "91510802MA6CHECK0X", "domain", "GOVERNMENT_PROCUREMENT"),
                Map.of("subjectCode", company(), "domain", "GOVERNMENT_PROCUREMENT"),
                Map.of("subjectCode", company(), "domain", "NOT_A_DOMAIN"));
        long before = events();
        Api.Response batch = counter.post("/api/v1/checks/batch", Map.of("items", items));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode results = batch.json().path("results");
        assertThat(results).hasSize(4);
        assertThat(batch.json().path("checked").asInt()).isEqualTo(2);
        assertThat(batch.json().path("rejected").asInt()).isEqualTo(2);
        assertThat(results.get(0).path("check").path("verdict").asText()).isEqualTo("RESTRICT");
        assertThat(results.get(1).path("errors").findValuesAsText("field")).containsExactly("subjectCode");
        assertThat(results.get(2).path("check").path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(results.get(3).path("errors").findValuesAsText("field")).containsExactly("domain");
        assertThat(events()).as("one recorded check per valid item").isEqualTo(before + 2);
        String receipt = results.get(0).path("check").path("checkId").asText();
        assertThat(counter.get("/api/v1/checks/" + receipt).json()).isEqualTo(results.get(0).path("check"));
    }

    /** A batch reads all its items at one horizon in a few queries; each item must still get a single check's answer. */
    @Test
    void aBatchAnswersEachItemAsASingleCheckDoes() {
        String both = company();
        enter(tax, redList, both);
        enter(court, blackList, both);
        String disputed = company();
        String entryId = enter(court, blackList, disputed);
        Api.Response filed = court.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "执行款已全部履行", "filedOn", TODAY.toString()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String number = person();
        enter(court, blackList, number);
        checkUntil(counter, both, "HONOURS", verdict("RESTRICT_AND_INCENTIVE"));
        checkUntil(counter, number, "HONOURS", verdict("RESTRICT"));
        checkUntil(counter, disputed, "GOVERNMENT_PROCUREMENT", answer -> answer.path("entries").path(0).path("disputed").asBoolean());

        List<Map<String, Object>> items = List.of(
                Map.of("subjectCode", both, "domain", "HONOURS"),
                Map.of("subjectCode", both, "domain", "GOVERNMENT_PROCUREMENT"),
                Map.of("subjectCode", both, "domain", "BIDDING"),
                Map.of("subjectCode", disputed, "domain", "GOVERNMENT_PROCUREMENT"),
                Map.of("subjectCode", number, "domain", "HONOURS"),
                Map.of("subjectCode", company(), "domain", "HONOURS"),
                Map.of("subjectCode", both, "domain", "CONSUMPTION"));
        Api.Response batch = counter.post("/api/v1/checks/batch", Map.of("items", items));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        for (int i = 0; i < items.size(); i++) {
            Api.Response single = counter.post("/api/v1/checks", items.get(i));
            assertThat(single.status()).as(single.toString()).isEqualTo(201);
            assertThat(sameQuestionAnswer(batch.json().path("results").get(i).path("check")))
                    .as("item %d: %s", i, items.get(i)).isEqualTo(sameQuestionAnswer(single.json()));
        }
    }

    /** A receipt without what differs between two checks of the same question: its id, times and ledger position. */
    static JsonNode sameQuestionAnswer(JsonNode receipt) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = receipt.deepCopy();
        copy.remove(List.of("checkId", "checkedAt", "asOf", "ledgerPosition")); // asOf: the instant answered for
        return copy;
    }

    @Test
    void aBatchOfMoreThanAThousandOrOfNothingIs400AndRecordsNothing() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(Map.of("subjectCode", company(), "domain", "HONOURS"));
        }
        long before = events();
        Api.Response tooMany = counter.post("/api/v1/checks/batch", Map.of("items", items));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").findValuesAsText("field")).containsExactly("items");
        assertThat(counter.post("/api/v1/checks/batch", Map.of("items", List.of())).status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);

        Api.Response thousand = counter.post("/api/v1/checks/batch", Map.of("items", items.subList(0, 1000)));
        assertThat(thousand.status()).as(thousand.toString()).isEqualTo(200);
        assertThat(thousand.json().path("checked").asInt()).isEqualTo(1000);
        assertThat(events()).isEqualTo(before + 1000);
    }

    @Test
    void aNaturalPersonsNumberIsMaskedForCountersOnlyAndStoredInFull() {
        String number = person();
        enter(court, blackList, number);
        String masked = number.substring(0, 6) + "********" + number.substring(14);

        JsonNode forCounter = checkUntil(counter, number, "HONOURS", verdict("RESTRICT"));
        assertThat(forCounter.path("subjectCode").asText()).isEqualTo(masked);
        assertThat(forCounter.toString()).doesNotContain(number);
        String checkId = forCounter.path("checkId").asText();
        assertThat(counter.get("/api/v1/checks/" + checkId).json().path("subjectCode").asText()).isEqualTo(masked);
        assertThat(api().as(keys().inspector()).get("/api/v1/checks/" + checkId).json().path("subjectCode").asText())
                .isEqualTo(number);
        assertThat(admin.get("/api/v1/checks/" + checkId).json().path("subjectCode").asText()).isEqualTo(number);

        JsonNode batch = counter.post("/api/v1/checks/batch",
                Map.of("items", List.of(Map.of("subjectCode", number, "domain", "HONOURS")))).json();
        assertThat(batch.path("results").get(0).path("check").path("subjectCode").asText()).isEqualTo(masked);

        JsonNode forInspector = check(api().as(keys().inspector()), number, "HONOURS").json();
        assertThat(forInspector.path("subjectCode").asText()).isEqualTo(number);
    }

    @Test
    void onlyCounterInspectorAndAdminMayCheckAndACounterReadsItsOwnUnitsReceipts() {
        String code = company();
        for (String key : List.of(keys().clerk("gy-any-unit"), keys().listAuthority(COURT))) {
            Api.Response refused = api().as(key).post("/api/v1/checks", Map.of("subjectCode", code, "domain", "HONOURS"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        }
        assertThat(api().post("/api/v1/checks", Map.of("subjectCode", code, "domain", "HONOURS")).status()).isEqualTo(401);

        Api countyCounter = api().as(keys().counter("gy-zwfw-" + suffix.toLowerCase()));
        Api sameUnit = api().as(keys().counter("gy-zwfw-" + suffix.toLowerCase()));
        Api otherUnit = api().as(keys().counter("gy-other-" + suffix.toLowerCase()));
        String checkId = check(countyCounter, code, "HONOURS").json().path("checkId").asText();
        assertThat(sameUnit.get("/api/v1/checks/" + checkId).status()).isEqualTo(200);
        assertThat(otherUnit.get("/api/v1/checks/" + checkId).status()).isEqualTo(403);
        assertThat(counter.get("/api/v1/checks/" + checkId).status()).as("an unbound counter key").isEqualTo(403);
    }

    @Test
    void checkCountsPerCounterUnitAndDomainAreShownToAdminAndInspector() {
        String unit = "gy-zwfw-" + suffix.toLowerCase();
        Api unitCounter = api().as(keys().counter(unit));
        String listed = company();
        enter(court, blackList, listed);
        checkUntil(unitCounter, listed, "GOVERNMENT_PROCUREMENT", verdict("RESTRICT"));
        assertThat(check(unitCounter, company(), "GOVERNMENT_PROCUREMENT").status()).isEqualTo(201);
        assertThat(check(unitCounter, company(), "HONOURS").status()).isEqualTo(201);

        String path = "/api/v1/checks/stats?unitId=" + unit + "&from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);
        JsonNode stats = api().as(keys().inspector()).get(path).json();
        JsonNode procurementRow = row(stats, "GOVERNMENT_PROCUREMENT");
        assertThat(procurementRow.path("counterUnit").asText()).isEqualTo(unit);
        long restricted = procurementRow.path("byVerdict").path("RESTRICT").asLong();
        assertThat(restricted).isEqualTo(1);
        assertThat(procurementRow.path("checks").asLong()).isEqualTo(restricted + procurementRow.path("byVerdict").path("CLEAR").asLong());
        assertThat(procurementRow.path("byVerdict").path("CLEAR").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row(stats, "HONOURS").path("checks").asLong()).isEqualTo(1);
        assertThat(stats.path("checks").asLong()).isEqualTo(procurementRow.path("checks").asLong() + 1);

        assertThat(admin.get(path).status()).isEqualTo(200);
        assertThat(unitCounter.get(path).status()).isEqualTo(403);
    }

    private static JsonNode row(JsonNode stats, String domain) {
        for (JsonNode row : stats.path("rows")) {
            if (row.path("domain").asText().equals(domain)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + domain + " in " + stats);
    }

    @Test
    void aRepeatedCheckWithTheSameIdempotencyKeyReturnsTheFirstReceiptAndRecordsNothingNew() {
        String code = company();
        String key = UUID.randomUUID().toString();
        Api.Response first = counter.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/checks",
                Map.of("subjectCode", code, "domain", "HONOURS"), h -> h.set("Idempotency-Key", key));
        long after = events();
        Api.Response second = counter.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/checks",
                Map.of("subjectCode", code, "domain", "HONOURS"), h -> h.set("Idempotency-Key", key));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("checkId")).isEqualTo(first.json().path("checkId"));
        assertThat(events()).isEqualTo(after);
    }

    /**
     * The database refuses to store the check (a trigger stands in for any failure of the commit): the counter gets
     * 503 with a fixed text, never the database's own words, and no answer.
     */
    @Test
    void aCheckThatCannotBeRecordedIs503WithoutTheDatabasesWords() {
        String code = company();
        String trigger = "refuse_check_" + suffix.toLowerCase();
        jdbc.sql("""
                create or replace function refuse_check_for_test() returns trigger language plpgsql as $$
                begin
                    if convert_from(new.payload, 'UTF8') like '%' || tg_argv[0] || '%' then
                        raise exception 'internal-detail-7f3a: cannot insert into domain_event_entry for %', tg_argv[0];
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger " + trigger + " before insert on domain_event_entry for each row"
                + " execute function refuse_check_for_test('" + code + "')").update();
        try {
            long before = events();
            Api.Response refused = check(counter, code, "HONOURS");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:unavailable");
            assertThat(refused.json().path("detail").asText()).isEqualTo("核查未能记录，因此未给出答复。请稍后重试。");
            assertThat(refused.text()).doesNotContain("internal-detail-7f3a", "domain_event_entry", "ERROR", code);
            assertThat(events()).isEqualTo(before);
        } finally {
            jdbc.sql("drop trigger " + trigger + " on domain_event_entry").update();
        }
        assertThat(check(counter, code, "HONOURS").status()).as("recorded once the database accepts it again").isEqualTo(201);
    }

    /** A red list revoked on black listing (守合同重信用企业) with an incentive in the domain the black list restricts. */
    String revocableRedList() {
        String list = "CONTRACT_ABIDING_" + suffix;
        define("/api/v1/lists/" + list, Map.of("name", "守合同重信用企业", "colour", "RED", "authority", TAX,
                "legalBasis", "守合同重信用企业公示活动", "periodMonths", 12, "earlyRepairAllowed", false,
                "revokedOnBlackListing", true));
        define("/api/v1/measures/CONTRACT_PRIORITY_" + suffix, measure("评优评先同等条件下优先", "INCENTIVE", "HONOURS",
                "NATIONAL_BASE", "发改财金〔2016〕1467号", list));
        return list;
    }

    JsonNode entryUntil(String entryId, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Api.Response r = admin.get("/api/v1/list-entries/" + entryId);
            last[0] = r.json();
            return r.status() == 200 && expected.test(last[0]);
        });
        return last[0];
    }

    @Test
    void aBlackListingRevokesTheSubjectsRevocableRedEntrySoTheCheckRestrictsOnly() {
        String redList = revocableRedList();
        String code = company();
        String red = enter(tax, redList, code);
        checkUntil(counter, code, "HONOURS", verdict("INCENTIVE"));

        String black = enter(court, blackList, code);

        JsonNode exited = entryUntil(red, entry -> entry.path("status").asText().equals("EXITED"));
        assertThat(exited.path("exitReason").asText()).isEqualTo("REVOKED_BY_BLACK_LISTING");
        assertThat(exited.path("exitReasonLabel").asText()).isEqualTo("因列入黑名单撤销");
        assertThat(exited.path("history").toString()).as("the exit names the black entry").contains("\"revokedBy\":\"" + black + "\"");
        JsonNode answer = check(counter, code, "HONOURS").json();
        assertThat(answer.path("verdict").asText()).isEqualTo("RESTRICT");
    }

    @Test
    void aRevocableRedListingWhileBlackListedIsRevokedAtOnceButAnOrdinaryRedListStays() {
        String revocable = revocableRedList();
        String code = company();
        enter(court, blackList, code);
        checkUntil(counter, code, "HONOURS", verdict("RESTRICT"));

        String red = enter(tax, revocable, code);
        String ordinary = enter(tax, redList, code);

        assertThat(entryUntil(red, entry -> entry.path("status").asText().equals("EXITED")).path("exitReason").asText())
                .isEqualTo("REVOKED_BY_BLACK_LISTING");
        JsonNode answer = checkUntil(counter, code, "HONOURS", verdict("RESTRICT_AND_INCENTIVE"));
        assertThat(answer.path("entries").toString()).contains(ordinary).doesNotContain(red);
        assertThat(admin.get("/api/v1/list-entries/" + ordinary).json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aRetiredMeasureStopsApplyingFromItsDayWhileACheckAsOfBeforeItsRecordingStillShowsIt() {
        String code = company();
        enter(court, blackList, code);
        JsonNode before = checkUntil(counter, code, "HONOURS", verdict("RESTRICT"));
        assertThat(before.path("measures").findValuesAsText("measureCode")).containsExactly(honoursBan);

        Api.Response retired = admin.post("/api/v1/measures/" + honoursBan + "/retirement",
                Map.of("reason", "《全国失信惩戒措施基础清单（2025年版）》未列入，予以清理", "effectiveOn", TODAY.toString()));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        Api.Response procurementLater = admin.post("/api/v1/measures/" + procurement + "/retirement",
                Map.of("reason", "下月起清理", "effectiveOn", TODAY.plusDays(1).toString()));
        assertThat(procurementLater.status()).as(procurementLater.toString()).isEqualTo(200);

        checkUntil(counter, code, "HONOURS", verdict("CLEAR"));
        assertThat(check(counter, code, "GOVERNMENT_PROCUREMENT").json().path("verdict").asText())
                .as("a retirement from tomorrow changes nothing today").isEqualTo("RESTRICT");
        JsonNode reproduced = counter.post("/api/v1/checks", Map.of("subjectCode", code, "domain", "HONOURS",
                "asOf", before.path("checkedAt").asText())).json();
        assertThat(reproduced.path("verdict").asText()).isEqualTo("RESTRICT");
        assertThat(reproduced.path("measures").findValuesAsText("measureCode")).containsExactly(honoursBan);

        Api.Response again = admin.post("/api/v1/measures/" + honoursBan + "/retirement",
                Map.of("reason", "再次清理", "effectiveOn", TODAY.toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/measures/NO_SUCH_MEASURE_" + suffix + "/retirement",
                Map.of("reason", "清理", "effectiveOn", TODAY.toString())).status()).isEqualTo(404);
        Api.Response change = admin.put("/api/v1/measures/" + honoursBan, measure("不得参加评优评先", "PUNISHMENT", "HONOURS",
                "NATIONAL_BASE", "发改财金〔2016〕141号", blackList));
        assertThat(change.status()).as("a retired measure is not changed").isEqualTo(409);
    }
}
