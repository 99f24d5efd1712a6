package org.creditledger.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 每月信用动态 over HTTP: a small ledger made by hand for one fresh unit in the current month (record time, Asia/Shanghai),
 * counted exactly. City-wide figures are shared with the other tests of the context, so they are compared before and
 * after this test's own writes, for the codes no background process writes (entries, exits for reason OTHER).
 */
class MonthlyStatisticsApiTest extends LedgerHttpTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    Api admin;
    Api inspector;
    Api clerk;
    Api authority;
    Api counter;
    String suffix;
    String unit;
    String otherUnit;
    String blackList;
    YearMonth thisMonth;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        inspector = api().as(keys().inspector());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        unit = "gy-stats-" + suffix.toLowerCase();
        otherUnit = "gy-other-" + suffix.toLowerCase();
        blackList = "DISHONEST_DEBTOR_" + suffix;
        String court = "广元市中级人民法院" + suffix;
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "广元市市场监督管理局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/units/" + otherUnit, Map.of("name", "广元市住房和城乡建设局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/lists/" + blackList, Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", court,
                "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24,
                "earlyRepairAllowed", true)).status()).isEqualTo(201);
        clerk = api().as(keys().clerk(unit));
        authority = api().as(keys().listAuthority(court));
        counter = api().as(keys().counter(unit));
        thisMonth = YearMonth.now(SHANGHAI);
    }

    static String company() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    Map<String, Object> letter(String dueDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", company(), "name", "广元市某某建材有限公司"));
        body.put("matter", "食品经营许可");
        body.put("content", "本单位承诺所提交材料真实有效");
        body.put("signedOn", "2025-03-01");
        body.put("dueDate", dueDate);
        return body;
    }

    String post(Map<String, Object> letter) {
        Api.Response posted = clerk.post("/api/v1/commitments", letter);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    void outcome(String commitmentId, String outcome) {
        Api.Response recorded = clerk.post("/api/v1/commitments/" + commitmentId + "/outcome",
                Map.of("outcome", outcome, "occurredOn", "2025-04-01"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    }

    String enter(String code) {
        LocalDate today = LocalDate.now(SHANGHAI);
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", blackList);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", "广元市某某建材有限公司"));
        body.put("decisionNo", "(2025)川08执" + suffix);
        body.put("decidedOn", today.minusDays(30).toString());
        body.put("reason", "有履行能力而拒不履行生效法律文书确定义务");
        body.put("effectiveFrom", today.minusDays(30).toString());
        body.put("effectiveUntil", today.plusYears(1).toString());
        Api.Response entered = authority.post("/api/v1/list-entries", body);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        return entered.json().path("entryId").asText();
    }

    Api.Response monthly(Api caller, YearMonth month, String unitId) {
        return caller.get("/api/v1/statistics/monthly?year=" + month.getYear() + "&month=" + month.getMonthValue()
                + (unitId == null ? "" : "&unitId=" + unitId));
    }

    JsonNode read(Api caller, YearMonth month, String unitId) {
        Api.Response read = monthly(caller, month, unitId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    static JsonNode row(JsonNode statistics, String unitId) {
        for (JsonNode row : statistics.path("units")) {
            if (row.path("unitId").asText().equals(unitId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unitId + " in " + statistics);
    }

    @Test
    void aUnitsLettersChecksAndTheCitysEntriesAndExitsAreCountedInTheMonthTheyWereRecorded() {
        JsonNode cityBefore = read(inspector, thisMonth, null).path("city");

        String fulfilled = post(letter(null));
        String breached = post(letter(null));
        post(letter(null));
        post(letter("2025-06-30")); // due long ago with no outcome: becomes overdue at once
        outcome(fulfilled, "FULFILLED");
        outcome(breached, "BREACHED");
        String listed = company();
        String entryId = enter(listed);
        Api.Response exited = authority.post("/api/v1/list-entries/" + entryId + "/exit", Map.of("reason", "OTHER", "note", "已履行完毕"));
        assertThat(exited.status()).as(exited.toString()).isEqualTo(200);
        Api.Response checked = counter.post("/api/v1/checks", Map.of("subjectCode", company(), "domain", "HONOURS"));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(201);

        // the overdue marker and the check's record are written by the ledger itself, moments later
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode row = row(read(inspector, thisMonth, unit), unit);
            assertThat(row.path("lettersOverdue").asLong()).isEqualTo(1);
            assertThat(row.path("checks").asLong()).isEqualTo(1);
        });
        JsonNode statistics = read(inspector, thisMonth, unit);
        assertThat(statistics.path("year").asInt()).isEqualTo(thisMonth.getYear());
        assertThat(statistics.path("month").asInt()).isEqualTo(thisMonth.getMonthValue());
        assertThat(statistics.path("units")).hasSize(1);
        JsonNode row = row(statistics, unit);
        assertThat(row.path("unitName").asText()).isEqualTo("广元市市场监督管理局");
        assertThat(row.path("lettersPosted").asLong()).isEqualTo(4);
        assertThat(row.path("lettersFulfilled").asLong()).isEqualTo(1);
        assertThat(row.path("lettersBreached").asLong()).isEqualTo(1);
        assertThat(row.path("lettersOverdue").asLong()).isEqualTo(1);
        assertThat(row.path("jointActions").asLong()).isZero();
        assertThat(row.path("checks").asLong()).isEqualTo(1);
        assertThat(row.path("checksByVerdict").path("CLEAR").asLong()).isEqualTo(1);
        assertThat(row.path("checksByVerdict").path("RESTRICT").asLong()).isZero();

        JsonNode city = statistics.path("city");
        assertThat(city.path("entriesByColour").path("BLACK").asLong() - cityBefore.path("entriesByColour").path("BLACK").asLong()).isEqualTo(1);
        assertThat(city.path("entriesByColour").path("RED").asLong()).isEqualTo(cityBefore.path("entriesByColour").path("RED").asLong());
        assertThat(city.path("exitsByReason").path("OTHER").asLong() - cityBefore.path("exitsByReason").path("OTHER").asLong()).isEqualTo(1);
        assertThat(city.path("exitsByReason").path("REPAIRED").asLong()).isEqualTo(cityBefore.path("exitsByReason").path("REPAIRED").asLong());

        // the other unit, registered in the same month, has a row of zeros
        JsonNode other = row(read(inspector, thisMonth, null), otherUnit);
        assertThat(other.path("lettersPosted").asLong()).isZero();
        assertThat(other.path("checks").asLong()).isZero();
    }

    @Test
    void anotherMonthIsEmpty() {
        post(letter(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(read(inspector, thisMonth, unit), unit).path("lettersPosted").asLong() == 1);

        JsonNode lastMonth = row(read(inspector, thisMonth.minusMonths(1), unit), unit);
        assertThat(lastMonth.path("unitName").asText()).isEqualTo("广元市市场监督管理局");
        assertThat(List.of("lettersPosted", "lettersFulfilled", "lettersBreached", "lettersOverdue", "jointActions", "checks"))
                .allSatisfy(field -> assertThat(lastMonth.path(field).asLong()).as(field).isZero());
        assertThat(lastMonth.path("checksByVerdict").size()).isEqualTo(4);

        JsonNode longAgo = read(inspector, YearMonth.of(2001, 1), null).path("city");
        assertThat(List.of("entries", "exits", "objectionsFiled", "objectionsUpheld", "repairsApplied", "repairsApproved"))
                .allSatisfy(field -> assertThat(longAgo.path(field).asLong()).as(field).isZero());
        assertThat(longAgo.path("exitsByReason").size()).isEqualTo(7);
    }

    @Test
    void aUnitClerkReadsItsOwnUnitOnly() {
        assertThat(monthly(clerk, thisMonth, unit).status()).isEqualTo(200);
        Api.Response otherUnits = monthly(clerk, thisMonth, otherUnit);
        assertThat(otherUnits.status()).as(otherUnits.toString()).isEqualTo(403);
        assertThat(otherUnits.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
        Api.Response ownByDefault = monthly(clerk, thisMonth, null);
        assertThat(ownByDefault.status()).as("without unitId, as in every unit-scoped list: its own unit").isEqualTo(200);
        assertThat(ownByDefault.json().path("units").findValuesAsText("unitId")).containsExactly(unit);
        assertThat(monthly(counter, thisMonth, unit).status()).isEqualTo(403);
        assertThat(monthly(admin, thisMonth, "gy-nowhere-" + suffix.toLowerCase()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/statistics/monthly?year=2025&month=13").status()).isEqualTo(400);
    }

    @Test
    void theMonthExportsAsASheetWithChineseHeadersOneRowPerUnit() throws IOException {
        post(letter(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(read(inspector, thisMonth, unit), unit).path("lettersPosted").asLong() == 1);

        Api.Response sheet = inspector.exchange(HttpMethod.GET, "/api/v1/statistics/monthly?year=" + thisMonth.getYear()
                + "&month=" + thisMonth.getMonthValue() + "&unitId=" + unit, null,
                h -> h.set("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
            Sheet first = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            for (Cell cell : first.getRow(0)) {
                headers.add(cell.getStringCellValue());
            }
            assertThat(headers).allSatisfy(h -> assertThat(h).as("header %s of %s", h, headers).matches(".*\\p{IsHan}.*"));
            assertThat(headers).contains("月份", "责任单位", "信用承诺书（份）", "全市列入黑名单（条）", "全市有效异议（件）",
                    "核查结果：限制");
            assertThat(first.getLastRowNum()).as("one row per unit under the header").isEqualTo(1);
            assertThat(first.getRow(1).getCell(headers.indexOf("责任单位")).getStringCellValue()).isEqualTo("广元市市场监督管理局");
            assertThat(first.getRow(1).getCell(headers.indexOf("信用承诺书（份）")).getNumericCellValue()).isEqualTo(1.0);
        }
    }
    @Test
    void anUpheldObjectionCountsAsFiledUpheldAndAnExitOfItsReason() {
        JsonNode before = read(inspector, thisMonth, null).path("city");
        String entryId = enter(company());
        Api.Response filed = authority.post("/api/v1/list-entries/" + entryId + "/objections",
                Map.of("grounds", "执行款已全部履行", "filedOn", LocalDate.now(SHANGHAI).toString()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String objectionId = filed.json().path("objectionId").asText();
        Api.Response decided = authority.post("/api/v1/list-entries/" + entryId + "/objections/" + objectionId + "/decision",
                Map.of("upheld", true, "reason", "执行款已于列入前履行完毕"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        JsonNode after = read(inspector, thisMonth, null).path("city");
        assertThat(after.path("objectionsFiled").asLong() - before.path("objectionsFiled").asLong()).isEqualTo(1);
        assertThat(after.path("objectionsUpheld").asLong() - before.path("objectionsUpheld").asLong()).isEqualTo(1);
        assertThat(after.path("exitsByReason").path("OBJECTION_UPHELD").asLong()
                - before.path("exitsByReason").path("OBJECTION_UPHELD").asLong()).isEqualTo(1);
        assertThat(after.path("entriesByColour").path("BLACK").asLong()
                - before.path("entriesByColour").path("BLACK").asLong()).isEqualTo(1);
    }

    @Test
    void aRebuildCountsTheSameFigures() {
        String fulfilled = post(letter(null));
        outcome(fulfilled, "FULFILLED");
        Api.Response checked = counter.post("/api/v1/checks", Map.of("subjectCode", company(), "domain", "HONOURS"));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(read(inspector, thisMonth, unit), unit).path("checks").asLong() == 1);
        JsonNode before = row(read(inspector, thisMonth, unit), unit);

        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuildRunning());
        Api.Response accepted = admin.post("/api/v1/admin/projections/monthly-statistics/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuildRunning());
        assertThat(admin.get("/api/v1/admin/projections/monthly-statistics/rebuild").json().path("state").asText()).isEqualTo("DONE");

        assertThat(row(read(inspector, thisMonth, unit), unit)).isEqualTo(before);
        assertThat(before.path("lettersPosted").asLong()).isEqualTo(1);
        assertThat(before.path("lettersFulfilled").asLong()).isEqualTo(1);
    }

    boolean rebuildRunning() {
        Api.Response latest = admin.get("/api/v1/admin/projections/monthly-statistics/rebuild");
        return latest.status() == 200 && "RUNNING".equals(latest.json().path("state").asText());
    }
}
