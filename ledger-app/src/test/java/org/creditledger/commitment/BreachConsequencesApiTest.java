package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A breach has consequences at the counter (issue 15 §1), a recorded outcome can be corrected, and a unit follows up
 * its letters (§2): checks show the subject's breaches in the look-back window and whether it may use commitments
 * again, reproducibly with {@code asOf}; a correction is a new record that quota, lists, statistics and checks follow.
 */
class BreachConsequencesApiTest extends LedgerHttpTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.now(SHANGHAI);
    static final String COURT = "最高人民法院";

    Api admin;
    Api clerk;
    Api counter;
    String unit;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        unit = "gy-breach-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = admin.put("/api/v1/units/" + unit, Map.of("name", "广元市市场监督管理局", "kind", "MUNICIPAL_DEPARTMENT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        clerk = api().as(keys().clerk(unit));
        counter = api().as(keys().counter());
    }

    static String company() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    String post(String type, String code, String matter, LocalDate signedOn, LocalDate dueDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("type", type);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市某某食品有限公司"));
        body.put("matter", matter);
        body.put("content", "承诺所提交的材料真实有效，并在期限内补齐");
        body.put("signedOn", signedOn.toString());
        if (dueDate != null) {
            body.put("dueDate", dueDate.toString());
        }
        Api.Response posted = clerk.post("/api/v1/commitments", body);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    void outcome(String commitmentId, String outcome, LocalDate occurredOn) {
        Api.Response recorded = clerk.post("/api/v1/commitments/" + commitmentId + "/outcome",
                Map.of("outcome", outcome, "occurredOn", occurredOn.toString()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    }

    Api.Response correct(Api caller, String commitmentId, String outcome, LocalDate occurredOn) {
        return caller.post("/api/v1/commitments/" + commitmentId + "/outcome-corrections",
                Map.of("outcome", outcome, "occurredOn", occurredOn.toString(), "reason", "复核发现原记录有误"));
    }

    Api.Response check(Map<String, Object> question) {
        return counter.post("/api/v1/checks", question);
    }

    /** Checks until the answer satisfies {@code expected}: the check projection follows writes within moments. */
    JsonNode checkUntil(String code, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Api.Response r = check(Map.of("subjectCode", code, "domain", "ADMIN_APPROVAL", "matter", "食品经营许可"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            last[0] = r.json();
            return expected.test(last[0]);
        });
        return last[0];
    }

    static Predicate<JsonNode> breaches(int n) {
        return answer -> answer.path("breaches").size() == n;
    }

    @Test
    void aBrokenNotificationCommitmentShowsAtTheCounterAndBarsCommitmentsWhileTheVerdictStaysClear() {
        String code = company();
        String clean = checkUntil(code, breaches(0)).path("commitmentEligible").asText();
        assertThat(clean).as("a subject without breaches or black-list entries may use commitments").isEqualTo("true");
        String letter = post("NOTIFICATION_IN_LIEU_OF_CERTIFICATE", code, "食品经营许可", TODAY.minusMonths(3), null);
        outcome(letter, "BREACHED", TODAY.minusDays(10));

        JsonNode answer = checkUntil(code, breaches(1));
        JsonNode breach = answer.path("breaches").get(0);
        assertThat(breach.path("commitmentId").asText()).isEqualTo(letter);
        assertThat(breach.path("type").asText()).isEqualTo("NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(breach.path("unitId").asText()).isEqualTo(unit);
        assertThat(breach.path("matter").asText()).isEqualTo("食品经营许可");
        assertThat(breach.path("occurredOn").asText()).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(answer.path("commitmentEligible").asBoolean()).isFalse();
        assertThat(answer.path("verdict").asText()).as("a breach is no list entry").isEqualTo("CLEAR");

        JsonNode receipt = counter.get("/api/v1/checks/" + answer.path("checkId").asText()).json();
        assertThat(receipt).as("the receipt carries the breaches as answered").isEqualTo(answer);

        Api.Response batch = counter.post("/api/v1/checks/batch", Map.of("items", List.of(
                Map.of("subjectCode", code, "domain", "ADMIN_APPROVAL"), Map.of("subjectCode", company(), "domain", "ADMIN_APPROVAL"))));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode first = batch.json().path("results").get(0).path("check");
        assertThat(first.path("breaches").findValuesAsText("commitmentId")).containsExactly(letter);
        assertThat(first.path("commitmentEligible").asBoolean()).isFalse();
        assertThat(batch.json().path("results").get(1).path("check").path("commitmentEligible").asBoolean()).isTrue();

        String checkId = answer.path("checkId").asText();
        JsonNode recorded = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> packagedEvent(code, checkId), event -> event != null);
        assertThat(recorded.path("payload").path("breaches").findValuesAsText("type"))
                .as("the dispute package carries the check's breaches").containsExactly("NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(recorded.path("payload").path("commitmentEligible").asBoolean()).isFalse();
    }

    /** The readable event {@code eventIdentifier} of the subject's dispute package, or null while it is not in it yet. */
    JsonNode packagedEvent(String code, String eventIdentifier) throws IOException {
        Api.Response downloaded = api().as(keys().inspector()).get("/api/v1/subjects/" + code + "/dispute-package");
        if (downloaded.status() != 200) {
            return null;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(downloaded.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("events-readable.json")) {
                    JsonNode events = new ObjectMapper().readTree(zip.readAllBytes());
                    JsonNode ids = null;
                    for (JsonNode event : events) {
                        if (event.path("aggregateIdentifier").asText().equals(eventIdentifier)
                                || event.path("payload").path("checkId").asText().equals(eventIdentifier)) {
                            ids = event;
                        }
                    }
                    return ids;
                }
            }
        }
        return null;
    }

    @Test
    void aBreachOfAnotherKindIsShownButDoesNotBarCommitments() {
        String code = company();
        String letter = post("INDUSTRY_SELF_DISCIPLINE", code, "行业自律承诺", TODAY.minusMonths(2), null);
        outcome(letter, "BREACHED", TODAY.minusDays(3));

        JsonNode answer = checkUntil(code, breaches(1));
        assertThat(answer.path("breaches").get(0).path("type").asText()).isEqualTo("INDUSTRY_SELF_DISCIPLINE");
        assertThat(answer.path("commitmentEligible").asBoolean()).isTrue();
    }

    @Test
    void aBreachOlderThanTheWindowIsNoLongerShownNorBars() {
        String code = company();
        String old = post("ACCEPTANCE_WITH_DEFICIENCIES", code, "容缺受理：建筑施工许可", TODAY.minusYears(5), null);
        outcome(old, "BREACHED", TODAY.minusYears(3)); // the window (3 years) ended yesterday
        String recent = post("OTHER", code, "其他承诺", TODAY.minusMonths(1), null);
        outcome(recent, "BREACHED", TODAY.minusDays(1));

        JsonNode answer = checkUntil(code, answer1 -> answer1.path("breaches").findValuesAsText("commitmentId").contains(recent));
        assertThat(answer.path("breaches").findValuesAsText("commitmentId")).containsExactly(recent);
        assertThat(answer.path("commitmentEligible").asBoolean()).isTrue();

        String withinWindow = post("APPROVAL_REPLACEMENT", code, "审批替代：排污许可", TODAY.minusYears(4), null);
        outcome(withinWindow, "BREACHED", TODAY.minusYears(3).plusDays(1));
        JsonNode barred = checkUntil(code, breaches(2));
        assertThat(barred.path("breaches").findValuesAsText("commitmentId")).containsExactly(recent, withinWindow);
        assertThat(barred.path("commitmentEligible").asBoolean()).isFalse();
    }

    @Test
    void aSubjectInForceOnABlackListMayNotUseCommitments() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String blackList = "DISHONEST_DEBTOR_" + suffix;
        Api.Response defined = admin.put("/api/v1/lists/" + blackList, Map.of("name", "失信被执行人名单", "colour", "BLACK",
                "authority", COURT, "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24,
                "earlyRepairAllowed", true));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String code = company();
        Map<String, Object> entry = new HashMap<>();
        entry.put("listCode", blackList);
        entry.put("subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市某某建材有限公司"));
        entry.put("decisionNo", "(2025)川08执" + suffix);
        entry.put("decidedOn", TODAY.minusDays(30).toString());
        entry.put("reason", "有履行能力而拒不履行生效法律文书确定义务");
        entry.put("effectiveFrom", TODAY.minusDays(30).toString());
        entry.put("effectiveUntil", TODAY.plusMonths(6).toString());
        Api.Response entered = api().as(keys().listAuthority(COURT)).post("/api/v1/list-entries", entry);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);

        JsonNode answer = checkUntil(code, a -> a.path("entries").size() == 1);
        assertThat(answer.path("breaches")).isEmpty();
        assertThat(answer.path("commitmentEligible").asBoolean()).isFalse();
    }

    @Test
    void aCheckAsOfAnEarlierInstantShowsTheBreachesKnownThenAndReproducesTheRecordedAnswer() {
        String code = company();
        String letter = post("NOTIFICATION_IN_LIEU_OF_CERTIFICATE", code, "食品经营许可", TODAY.minusMonths(3), null);
        JsonNode before = checkUntil(code, breaches(0));
        outcome(letter, "BREACHED", TODAY.minusDays(10));
        JsonNode barred = checkUntil(code, breaches(1));

        Api.Response corrected = correct(clerk, letter, "FULFILLED", TODAY.minusDays(10));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode cleared = checkUntil(code, breaches(0));
        assertThat(cleared.path("commitmentEligible").asBoolean()).as("the corrected outcome counts").isTrue();

        JsonNode asOfBarred = asOf(code, barred.path("checkedAt").asText());
        assertThat(asOfBarred.path("breaches")).as("as of the barred check: the breach was known then").isEqualTo(barred.path("breaches"));
        assertThat(asOfBarred.path("commitmentEligible").asBoolean()).isFalse();
        assertThat(asOfBarred.path("asOf").asText()).isEqualTo(barred.path("checkedAt").asText());

        JsonNode asOfBefore = asOf(code, before.path("checkedAt").asText());
        assertThat(asOfBefore.path("breaches")).as("a breach recorded after the instant is not shown").isEmpty();
        assertThat(asOfBefore.path("commitmentEligible").asBoolean()).isTrue();

        assertThat(counter.get("/api/v1/checks/" + barred.path("checkId").asText()).json())
                .as("the recorded receipt never changes").isEqualTo(barred);
    }

    JsonNode asOf(String code, String instant) {
        Api.Response answer = check(Map.of("subjectCode", code, "domain", "ADMIN_APPROVAL", "matter", "食品经营许可", "asOf", instant));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    @Test
    void aCorrectionReplacesTheOutcomeInTheLetterQuotaStatisticsAndChecksAndKeepsTheFirstRecord() {
        int year = TODAY.getYear();
        Api.Response target = admin.put("/api/v1/units/" + unit + "/targets/" + year,
                Map.of("annualTarget", 4, "counting", "EACH", "quarterlyRule", false));
        assertThat(target.status()).as(target.toString()).isIn(200, 201);
        String code = company();
        String letter = post("APPROVAL_REPLACEMENT", code, "审批替代：排污许可", TODAY.minusMonths(1), null);

        Api.Response tooEarly = correct(clerk, letter, "BREACHED", TODAY);
        assertThat(tooEarly.status()).as("no outcome yet: nothing to correct").isEqualTo(409);

        outcome(letter, "FULFILLED", TODAY.minusDays(2));
        Api.Response same = correct(clerk, letter, "FULFILLED", TODAY.minusDays(1));
        assertThat(same.status()).as("already that outcome").isEqualTo(409);
        assertThat(same.contentType()).startsWith("application/problem+json");

        String otherUnit = "gy-other-" + UUID.randomUUID().toString().substring(0, 8);
        admin.put("/api/v1/units/" + otherUnit, Map.of("name", "广元市教育局", "kind", "MUNICIPAL_DEPARTMENT"));
        assertThat(correct(api().as(keys().clerk(otherUnit)), letter, "BREACHED", TODAY).status())
                .as("only the letter's unit corrects it").isEqualTo(403);
        Api.Response future = correct(clerk, letter, "BREACHED", TODAY.plusDays(1));
        assertThat(future.status()).isEqualTo(400);
        Api.Response noReason = clerk.post("/api/v1/commitments/" + letter + "/outcome-corrections",
                Map.of("outcome", "BREACHED", "occurredOn", TODAY.toString()));
        assertThat(noReason.status()).isEqualTo(400);

        Api.Response corrected = correct(clerk, letter, "BREACHED", TODAY.minusDays(1));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().path("status").asText()).isEqualTo("BREACHED");
        assertThat(correct(admin, letter, "BREACHED", TODAY).status()).as("now already BREACHED").isEqualTo(409);

        JsonNode view = clerk.get("/api/v1/commitments/" + letter).json();
        assertThat(view.path("status").asText()).isEqualTo("BREACHED");
        assertThat(view.path("outcome").path("outcome").asText()).isEqualTo("BREACHED");
        assertThat(view.path("outcome").path("occurredOn").asText()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(view.path("outcome").path("correctionReason").asText()).isEqualTo("复核发现原记录有误");
        assertThat(view.path("outcome").path("correctedAt").asText()).isNotBlank();
        assertThat(clerk.get("/api/v1/commitments?status=BREACHED").json().path("items").findValuesAsText("commitmentId"))
                .containsExactly(letter);

        JsonNode quota = clerk.get("/api/v1/units/" + unit + "/quota/" + year).json();
        assertThat(quota.path("records").asLong()).as("a correction is no second record").isEqualTo(1);
        assertThat(quota.path("fulfilled").asLong()).isZero();
        assertThat(quota.path("breached").asLong()).isEqualTo(1);

        JsonNode month = clerk.get("/api/v1/statistics/monthly?year=" + year + "&month=" + TODAY.getMonthValue()).json();
        JsonNode row = month.path("units").get(0);
        assertThat(row.path("unitId").asText()).isEqualTo(unit);
        assertThat(row.path("lettersFulfilled").asLong()).isZero();
        assertThat(row.path("lettersBreached").asLong()).isEqualTo(1);

        JsonNode answer = checkUntil(code, breaches(1));
        assertThat(answer.path("breaches").get(0).path("occurredOn").asText()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(answer.path("commitmentEligible").asBoolean()).isFalse();

        JsonNode history = api().as(keys().inspector()).get("/api/v1/aggregates/" + letter + "/events").json();
        assertThat(history.findValuesAsText("payloadType")).as("the history keeps both records")
                .anySatisfy(type -> assertThat(type).endsWith("CommitmentFulfilledEvent"))
                .anySatisfy(type -> assertThat(type).endsWith("CommitmentOutcomeCorrectedEvent"));
    }

    @Test
    void theFollowUpCountsLettersDueSoonOverdueAndBreachedThisYearWithTheOldestOverdueFirst() {
        String code = company();
        post("OTHER", code, "30日内到期", TODAY.minusDays(5), TODAY.plusDays(10));
        post("OTHER", code, "30日后到期", TODAY.minusDays(5), TODAY.plusDays(40));
        String older = post("OTHER", code, "早已逾期", TODAY.minusDays(20), TODAY.minusDays(10));
        String newer = post("OTHER", code, "刚逾期", TODAY.minusDays(20), TODAY.minusDays(2));
        String breached = post("OTHER", code, "已违约", TODAY.minusDays(20), null);
        outcome(breached, "BREACHED", TODAY);

        JsonNode followUp = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> clerk.get("/api/v1/units/" + unit + "/follow-up").json(), f -> f.path("overdue").asLong() == 2);
        assertThat(followUp.path("unitId").asText()).isEqualTo(unit);
        assertThat(followUp.path("asOf").asText()).isEqualTo(TODAY.toString());
        assertThat(followUp.path("dueSoon").asLong()).isEqualTo(1);
        assertThat(followUp.path("breachedThisYear").asLong()).isEqualTo(1);
        assertThat(followUp.path("oldestOverdue").findValuesAsText("commitmentId")).containsExactly(older, newer);

        assertThat(admin.get("/api/v1/units/" + unit + "/follow-up").json().path("overdue").asLong()).isEqualTo(2);
        assertThat(api().as(keys().inspector()).get("/api/v1/units/" + unit + "/follow-up").status()).isEqualTo(200);
        String otherUnit = "gy-other-" + UUID.randomUUID().toString().substring(0, 8);
        admin.put("/api/v1/units/" + otherUnit, Map.of("name", "广元市教育局", "kind", "MUNICIPAL_DEPARTMENT"));
        assertThat(api().as(keys().clerk(otherUnit)).get("/api/v1/units/" + unit + "/follow-up").status()).isEqualTo(403);
        assertThat(counter.get("/api/v1/units/" + unit + "/follow-up").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/units/gy-no-such-unit/follow-up").status()).isEqualTo(404);
    }
}
