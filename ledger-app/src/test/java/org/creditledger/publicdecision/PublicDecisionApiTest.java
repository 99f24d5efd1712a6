package org.creditledger.publicdecision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 双公示 over HTTP: a unit clerk records licensing and penalty decisions and reports their publication; the unit's
 * month is counted as a person would count it by hand; an adapter pages through the feed; a penalty decision is on
 * its subject's record. The limit is the default: 7 working days with the 2025 holiday calendar.
 */
class PublicDecisionApiTest extends LedgerHttpTest {

    static final String DECISIONS = "/api/v1/public-decisions";

    String unit;
    Api clerk;

    Api unitWithClerk() {
        unit = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        api().as(keys().admin()).put("/api/v1/units/" + unit, Map.of("name", "广元市市场监督管理局", "kind", "MUNICIPAL_DEPARTMENT"));
        clerk = api().as(keys().clerk(unit));
        return clerk;
    }

    static String uscc() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    Map<String, Object> decision(String kind, String decisionNo, String code, String decidedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("kind", kind);
        body.put("decisionNo", decisionNo);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市某某建材有限公司"));
        body.put("decidedOn", decidedOn);
        body.put("content", "PENALTY".equals(kind) ? "警告，罚款人民币五千元" : "准予食品经营许可");
        return body;
    }

    String record(Map<String, Object> body) {
        Api.Response recorded = clerk.post(DECISIONS, body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json().path("decisionId").asText();
    }

    Api.Response publish(Api as, String decisionId, String publishedOn) {
        return as.post(DECISIONS + "/" + decisionId + "/publication", Map.of("publishedOn", publishedOn, "channel", "CREDIT_CHINA"));
    }

    @Test
    void aDecisionIsRecordedWithItsLimitAcrossTheHolidayAndPublishedOnce() {
        unitWithClerk();
        Api.Response recorded = clerk.post(DECISIONS, decision("PENALTY", "广市监罚〔2025〕12号", uscc(), "2025-09-30"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String decisionId = recorded.json().path("decisionId").asText();
        assertThat(recorded.headers().getLocation()).hasToString(DECISIONS + "/" + decisionId);
        // 7 working days after Tue 30 Sep 2025: National Day 1-8 Oct off, 9, 10, 11 (调休), 13, 14, 15, 16 Oct
        assertThat(recorded.json().path("publishBy").asText()).isEqualTo("2025-10-16");
        assertThat(recorded.json().path("defects").isEmpty()).isTrue();

        Api.Response published = publish(clerk, decisionId, "2025-10-16");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("onTime").asBoolean()).isTrue();

        long before = events();
        Api.Response again = publish(clerk, decisionId, "2025-10-17");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:conflict");
        Api.Response byAdmin = publish(api().as(keys().admin()), decisionId, "2025-10-17");
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(409);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aPublicationBeforeTheDecisionIs422() {
        unitWithClerk();
        String decisionId = record(decision("LICENSING", "广市监许〔2025〕7号", uscc(), "2025-03-10"));
        long before = events();

        Api.Response early = publish(clerk, decisionId, "2025-03-09");

        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:unprocessable");
        assertThat(early.json().path("errors").get(0).path("field").asText()).isEqualTo("publishedOn");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusalsNameWhatIsWrongAndWriteNothing() {
        unitWithClerk();
        String decisionId = record(decision("PENALTY", "广市监罚〔2025〕13号", uscc(), "2025-03-10"));
        long before = events();

        Map<String, Object> incomplete = new HashMap<>(decision("PENALTY", " ", uscc(), "2025-03-10"));
        incomplete.remove("decidedOn");
        incomplete.put("subject", Map.of("kind", "LEGAL_PERSON", "name", "某公司"));
        Api.Response invalid = clerk.post(DECISIONS, incomplete);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("decisionNo", "subject.code", "decidedOn");

        Map<String, Object> otherUnit = new HashMap<>(decision("PENALTY", "广市监罚〔2025〕14号", uscc(), "2025-03-10"));
        otherUnit.put("unitId", "gy-education");
        assertThat(clerk.post(DECISIONS, otherUnit).status()).isEqualTo(403);

        Map<String, Object> unknownUnit = new HashMap<>(decision("PENALTY", "广市监罚〔2025〕15号", uscc(), "2025-03-10"));
        unknownUnit.put("unitId", "pd-never-registered");
        Api.Response unknown = api().as(keys().admin()).post(DECISIONS, unknownUnit);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);

        Api anotherClerk = api().as(keys().clerk("gy-education"));
        assertThat(publish(anotherClerk, decisionId, "2025-03-11").status()).isEqualTo(403);
        assertThat(publish(clerk, UUID.randomUUID().toString(), "2025-03-11").status()).isEqualTo(404);
        Api.Response future = publish(clerk, decisionId, "2099-01-01");
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asText()).isEqualTo("publishedOn");
        Api.Response noChannel = clerk.post(DECISIONS + "/" + decisionId + "/publication", Map.of("publishedOn", "2025-03-11"));
        assertThat(noChannel.status()).as(noChannel.toString()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    /**
     * March 2025 by hand: four decisions made in March (one more in April does not count). D1 published on time, D2
     * late (its limit ended 19 March), D3 never published and with a wrong check digit, D4 published on time but with
     * a malformed decision number. 4 decisions, 3 published, 2 on time, 1 late, 1 unpublished, 2 compliant:
     * 上报率 3/4, 及时率 2/3, 合规率 2/4.
     */
    @Test
    void theMonthIsCountedAsByHand() {
        unitWithClerk();
        String good = uscc();
        String wrongDigit = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String d1 = record(decision("PENALTY", "广市监罚〔2025〕21号", good, "2025-03-03"));
        String d2 = record(decision("LICENSING", "广市监许〔2025〕22号", good, "2025-03-10"));
        Api.Response d3 = clerk.post(DECISIONS, decision("LICENSING", "广市监许〔2025〕23号", wrongDigit, "2025-03-20"));
        assertThat(d3.status()).as("a wrong code is recorded, not refused: " + d3).isEqualTo(201);
        assertThat(d3.json().path("defects").get(0).asText()).isEqualTo("SUBJECT_CODE");
        String d4 = record(decision("PENALTY", "罚款决定书", good, "2025-03-31"));
        String april = record(decision("PENALTY", "广市监罚〔2025〕25号", good, "2025-04-01"));
        assertThat(publish(clerk, d1, "2025-03-05").json().path("onTime").asBoolean()).isTrue();
        assertThat(publish(clerk, d2, "2025-03-25").json().path("onTime").asBoolean()).isFalse();
        assertThat(publish(clerk, d4, "2025-04-01").json().path("onTime").asBoolean()).isTrue();
        assertThat(publish(clerk, april, "2025-04-02").status()).isEqualTo(200);

        JsonNode march = clerk.get("/api/v1/units/" + unit + "/public-decisions/stats?year=2025&month=3").json();

        assertThat(march.path("decisions").asLong()).isEqualTo(4);
        assertThat(march.path("published").asLong()).isEqualTo(3);
        assertThat(march.path("onTime").asLong()).isEqualTo(2);
        assertThat(march.path("late").asLong()).isEqualTo(1);
        assertThat(march.path("unpublished").asLong()).isEqualTo(1);
        assertThat(march.path("compliant").asLong()).isEqualTo(2);
        assertThat(march.path("publicationRate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(march.path("timelinessRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(march.path("complianceRate").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode year = clerk.get("/api/v1/units/" + unit + "/public-decisions/stats?year=2025").json();
        assertThat(year.path("decisions").asLong()).isEqualTo(5);
        // D3's limit (31 March) has passed: the persistent deadline flags it by itself
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                clerk.get("/api/v1/units/" + unit + "/public-decisions/stats?year=2025&month=3").json().path("overdue").asLong())
                .isEqualTo(1));

        Api.Response csv = clerk.exchange(HttpMethod.GET, "/api/v1/units/" + unit + "/public-decisions/stats?year=2025&month=3",
                null, h -> h.set("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        String sheet = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(sheet).contains("决定数", "按时公示", "上报率", "及时率", "合规率").contains("0.6667");

        Api.Response empty = clerk.get("/api/v1/units/" + unit + "/public-decisions/stats?year=2024&month=3");
        assertThat(empty.json().path("decisions").asLong()).isZero();
        assertThat(empty.json().hasNonNull("timelinessRate")).as("no rate without decisions").isFalse();
        assertThat(api().as(keys().clerk("gy-education")).get("/api/v1/units/" + unit + "/public-decisions/stats?year=2025&month=3")
                .status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/units/" + unit + "/public-decisions/stats?year=2025&month=13").status()).isEqualTo(400);
    }

    @Test
    void theFeedPagesThroughPublishedDecisionsByPosition() {
        unitWithClerk();
        long start = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
        String company = uscc();
        String person = SubjectCodes.residentIdFor(ThreadLocalRandom.current().nextLong(SubjectCodes.RESIDENT_ID_FOR_LIMIT));
        Map<String, Object> licence = decision("LICENSING", "广市监许〔2025〕31号", company, "2025-05-06");
        licence.put("validFrom", "2025-05-06");
        licence.put("validUntil", "2030-05-05");
        String first = record(licence);
        Map<String, Object> personal = decision("PENALTY", "广市监罚〔2025〕32号", person, "2025-05-07");
        personal.put("subject", Map.of("kind", "NATURAL_PERSON", "code", person, "name", "张某"));
        String second = record(personal);
        String third = record(decision("PENALTY", "广市监罚〔2025〕33号", company, "2025-05-08"));
        String unpublished = record(decision("PENALTY", "广市监罚〔2025〕34号", company, "2025-05-09"));
        publish(clerk, first, "2025-05-08");
        publish(clerk, second, "2025-05-09");
        publish(clerk, third, "2025-05-12");
        Api inspector = api().as(keys().inspector());

        JsonNode page1 = inspector.get(DECISIONS + "/feed?since=" + start + "&size=2").json();
        assertThat(page1.path("items").findValuesAsText("decisionId")).containsExactly(first, second);
        assertThat(page1.path("more").asBoolean()).isTrue();
        JsonNode licenceItem = page1.path("items").get(0);
        assertThat(licenceItem.path("kind").asText()).isEqualTo("LICENSING");
        assertThat(licenceItem.path("subjectName").asText()).isEqualTo("广元市某某建材有限公司");
        assertThat(licenceItem.path("creditCode").asText()).isEqualTo(company);
        assertThat(licenceItem.path("decisionNo").asText()).isEqualTo("广市监许〔2025〕31号");
        assertThat(licenceItem.path("decidedOn").asText()).isEqualTo("2025-05-06");
        assertThat(licenceItem.path("validUntil").asText()).isEqualTo("2030-05-05");
        assertThat(licenceItem.path("publishedOn").asText()).isEqualTo("2025-05-08");
        JsonNode personItem = page1.path("items").get(1);
        assertThat(personItem.hasNonNull("creditCode")).isFalse();
        assertThat(personItem.path("idNumber").asText()).isEqualTo(person.substring(0, 6) + "********" + person.substring(14));
        assertThat(page1.toString()).doesNotContain(person);

        JsonNode page2 = inspector.get(DECISIONS + "/feed?since=" + page1.path("next").asLong() + "&size=2").json();
        assertThat(page2.path("items").findValuesAsText("decisionId")).containsExactly(third);
        assertThat(page2.path("more").asBoolean()).isFalse();
        assertThat(page2.toString()).doesNotContain(unpublished);
        JsonNode end = inspector.get(DECISIONS + "/feed?since=" + page2.path("next").asLong()).json();
        assertThat(end.path("items").isEmpty()).isTrue();
        assertThat(end.path("next").asLong()).isEqualTo(page2.path("next").asLong());
        assertThat(clerk.get(DECISIONS + "/feed").status()).isEqualTo(403);
        assertThat(inspector.get(DECISIONS + "/feed?size=0").status()).isEqualTo(400);
    }

    @Test
    void aPenaltyDecisionIsOnItsSubjectsTimelineAndInItsDisputePackage() throws IOException {
        unitWithClerk();
        String subject = uscc();
        String penalty = record(decision("PENALTY", "广市监罚〔2025〕41号", subject, "2025-06-02"));
        String licence = record(decision("LICENSING", "广市监许〔2025〕42号", subject, "2025-06-03"));
        Api inspector = api().as(keys().inspector());
        // the limit (11 June 2025) has passed: the ledger flags the penalty by itself before it is published late
        await().atMost(Duration.ofSeconds(20)).until(() -> inspector.get("/api/v1/subjects/" + subject + "/timeline").json()
                .path("items").findValuesAsText("type").contains("DecisionPublicationOverdueEvent"));
        publish(clerk, penalty, "2025-06-20");
        publish(clerk, licence, "2025-06-20");

        JsonNode timeline = inspector.get("/api/v1/subjects/" + subject + "/timeline").json();

        assertThat(timeline.path("items").findValuesAsText("type"))
                .containsExactly("DecisionRecordedEvent", "DecisionPublicationOverdueEvent", "DecisionPublishedEvent");
        timeline.path("items").forEach(item -> assertThat(item.path("kind").asText()).isEqualTo("PUBLIC_DECISION"));
        assertThat(timeline.path("items").findValuesAsText("aggregateIdentifier")).containsOnly(penalty);
        assertThat(timeline.path("items").get(2).path("summary").path("onTime").asBoolean()).isFalse();
        JsonNode filtered = inspector.get("/api/v1/subjects/" + subject + "/timeline?kind=PUBLIC_DECISION").json();
        assertThat(filtered.path("items")).hasSize(3);

        Api.Response zip = inspector.get("/api/v1/subjects/" + subject + "/dispute-package");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        String events = new String(unzip(zip.body()).get("events-readable.json"), StandardCharsets.UTF_8);
        assertThat(events).contains(penalty).contains("广市监罚〔2025〕41号").doesNotContain(licence);
    }

    /** A rebuild reads the same figures and keeps every feed position, so an adapter's saved position stays valid. */
    @Test
    void aRebuildKeepsTheFiguresAndTheFeedPositions() {
        unitWithClerk();
        long start = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
        String first = record(decision("PENALTY", "广市监罚〔2025〕51号", uscc(), "2025-07-01"));
        String second = record(decision("LICENSING", "广市监许〔2025〕52号", uscc(), "2025-07-02"));
        record(decision("LICENSING", "许可决定", uscc(), "2025-07-03"));
        publish(clerk, first, "2025-07-02");
        publish(clerk, second, "2025-07-30");
        Api admin = api().as(keys().admin());
        String stats = "/api/v1/units/" + unit + "/public-decisions/stats?year=2025&month=7";
        JsonNode before = admin.get(stats).json();
        JsonNode feedBefore = admin.get(DECISIONS + "/feed?since=" + start + "&size=500").json();
        assertThat(feedBefore.path("items").findValuesAsText("decisionId")).containsSubsequence(first, second);

        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuildRunning(admin));
        Api.Response accepted = admin.post("/api/v1/admin/projections/public-decisions/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuildRunning(admin));
        assertThat(admin.get("/api/v1/admin/projections/public-decisions/rebuild").json().path("state").asText()).isEqualTo("DONE");

        JsonNode after = admin.get(stats).json();
        assertThat(after.path("decisions").asLong()).isEqualTo(3);
        assertThat(after.path("timelinessRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(after.path("complianceRate").decimalValue()).isEqualByComparingTo("0.6667");
        // overdue may change meanwhile: the unpublished decision's limit has passed and the ledger flags it by itself
        assertThat(withoutOverdue(after)).isEqualTo(withoutOverdue(before));
        JsonNode feedAfter = admin.get(DECISIONS + "/feed?since=" + start + "&size=500").json();
        assertThat(positionsOf(feedAfter, first, second)).isEqualTo(positionsOf(feedBefore, first, second));
    }

    static JsonNode withoutOverdue(JsonNode stats) {
        ObjectNode copy = stats.deepCopy();
        copy.remove("overdue");
        return copy;
    }

    static List<Long> positionsOf(JsonNode feed, String... decisionIds) {
        List<Long> positions = new java.util.ArrayList<>();
        for (String decisionId : decisionIds) {
            feed.path("items").forEach(item -> {
                if (item.path("decisionId").asText().equals(decisionId)) {
                    positions.add(item.path("position").asLong());
                }
            });
        }
        return positions;
    }

    static boolean rebuildRunning(Api admin) {
        Api.Response latest = admin.get("/api/v1/admin/projections/public-decisions/rebuild");
        return latest.status() == 200 && "RUNNING".equals(latest.json().path("state").asText());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
