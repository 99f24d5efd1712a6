package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.creditledger.LedgerHttpTest;
import org.creditledger.platform.web.Page;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.export.Exports.CSV;
import static org.creditledger.export.Exports.XLSX;
import static org.creditledger.export.Exports.assertChineseHeaders;
import static org.creditledger.export.Exports.cell;
import static org.creditledger.export.Exports.csv;
import static org.creditledger.export.Exports.fetch;
import static org.creditledger.export.Exports.headers;
import static org.creditledger.export.Exports.values;
import static org.creditledger.export.Exports.xlsx;

/**
 * What a clerk, an inspector or an administrator reads, exported to Excel and CSV: each export opened with POI or
 * Commons CSV holds the JSON answer's rows, under Chinese headers, enums by their labels, numbers as numbers, dates
 * as dates and codes as text.
 */
class ExportApiTest extends LedgerHttpTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String AUTHORITY = "国家市场监督管理总局";

    Api admin;
    Api inspector;
    String unitId;
    int year;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        inspector = api().as(keys().inspector());
        unitId = "gy-export-" + UUID.randomUUID().toString().substring(0, 8);
        year = LocalDate.now(SHANGHAI).getYear();
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "COUNTY")).status()).isEqualTo(201);
        Api.Response target = admin.put("/api/v1/units/" + unitId + "/targets/" + year,
                Map.of("annualTarget", 20000, "counting", "EACH", "quarterlyRule", true));
        assertThat(target.status()).as(target.toString()).isIn(200, 201);
    }

    @Test
    void aUnitsQuotaExportsOneRowPerQuarterUnderChineseHeaders() {
        Api clerk = api().as(keys().clerk(unitId));
        postLetter(clerk);
        postLetter(clerk);
        String path = "/api/v1/units/" + unitId + "/quota/" + year;
        JsonNode json = clerk.get(path).json();
        assertThat(json.path("letters").asLong()).isEqualTo(2);

        List<CSVRecord> csv = csv(fetch(clerk, path, CSV, null));
        assertChineseHeaders(values(csv.get(0)));
        assertThat(csv).hasSize(1 + 4);
        assertThat(values(csv.get(0))).startsWith("序号", "单位编号", "责任单位", "年度", "年度目标任务（份）", "计数方式");
        for (int q = 1; q <= 4; q++) {
            JsonNode quarter = json.path("quarters").get(q - 1);
            assertThat(cell(csv, q, "责任单位")).isEqualTo("苍溪县");
            assertThat(cell(csv, q, "计数方式")).isEqualTo("承诺书和履约记录各不少于目标");
            assertThat(cell(csv, q, "信用承诺书（份）")).isEqualTo("2");
            assertThat(cell(csv, q, "季度")).isEqualTo(Integer.toString(q));
            assertThat(cell(csv, q, "本季度信用承诺书")).isEqualTo(quarter.path("letters").asText());
            assertThat(cell(csv, q, "本季度应完成")).isEqualTo("5000");
            assertThat(cell(csv, q, "季度状态")).isEqualTo(quarter.path("statusLabel").asText()).isIn("已结束", "进行中", "未开始");
            assertThat(cell(csv, q, "本季度达标")).isEqualTo(quarter.path("met").asBoolean() ? "是" : "否");
            assertThat(cell(csv, q, "统计截止日")).isEqualTo(json.path("asOf").asText());
        }

        Sheet sheet = xlsx(fetch(clerk, path, XLSX, null));
        assertThat(headers(sheet)).isEqualTo(values(csv.get(0)));
        assertThat(sheet.getLastRowNum()).isEqualTo(4);
        assertThat(cell(sheet, 1, "年度").getNumericCellValue()).isEqualTo(year);
        assertThat(cell(sheet, 1, "信用承诺书（份）").getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell(sheet, 1, "单位编号").getStringCellValue()).isEqualTo(unitId);
        Cell asOf = cell(sheet, 1, "统计截止日");
        assertThat(DateUtil.isCellDateFormatted(asOf)).as("a date cell").isTrue();
        assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(json.path("asOf").asText()));
    }

    @Test
    void theCityOverviewExportsOneRowPerUnitWithItsQuartersSideBySideAsTheWorkPlanReads() {
        postLetter(api().as(keys().clerk(unitId)));
        String path = "/api/v1/quota/" + year;
        JsonNode json = inspector.get(path).json();
        List<CSVRecord> csv = csv(fetch(inspector, path, CSV, null));
        assertChineseHeaders(values(csv.get(0)));
        assertThat(csv).hasSize(1 + json.size());
        assertThat(values(csv.get(0))).startsWith("序号", "单位编号", "责任单位", "年度", "年度目标任务（份）")
                .contains("第1季度信用承诺书", "第4季度履约践诺信息", "截至第2季度累计信用承诺书", "第3季度达标")
                .doesNotContain("季度", "第1季度季度");
        for (int row = 1; row <= json.size(); row++) {
            JsonNode unit = json.get(row - 1);
            assertThat(cell(csv, row, "序号")).isEqualTo(Integer.toString(row));
            assertThat(cell(csv, row, "单位编号")).isEqualTo(unit.path("unitId").asText());
            assertThat(cell(csv, row, "责任单位")).isEqualTo(unit.path("unitName").asText());
            assertThat(cell(csv, row, "年度目标任务（份）")).isEqualTo(unit.path("annualTarget").asText());
            assertThat(cell(csv, row, "计数方式")).isEqualTo(unit.path("countingLabel").asText());
            assertThat(cell(csv, row, "第2季度状态")).isEqualTo(unit.path("quarters").get(1).path("statusLabel").asText());
        }

        Sheet sheet = xlsx(fetch(admin, path, XLSX, null));
        assertThat(headers(sheet)).isEqualTo(values(csv.get(0)));
        int ours = indexOf(json, unitId) + 1;
        assertThat(cell(sheet, ours, "责任单位").getStringCellValue()).isEqualTo("苍溪县");
        assertThat(cell(sheet, ours, "年度目标任务（份）").getNumericCellValue()).isEqualTo(20000);
        assertThat(cell(sheet, ours, "信用承诺书（份）").getNumericCellValue()).isEqualTo(1);
        assertThat(cell(sheet, ours, "每季度完成量不低于全年目标的1/4").getStringCellValue()).isEqualTo("是");
    }

    @Test
    void checkCountsExportOneRowPerCounterUnitAndDomainWithVerdictsAsColumns() {
        Api counter = api().as(keys().counter(unitId));
        String subject = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        for (String domain : List.of("GOVERNMENT_PROCUREMENT", "GOVERNMENT_PROCUREMENT", "BIDDING")) {
            Api.Response checked = counter.post("/api/v1/checks", Map.of("subjectCode", subject, "domain", domain));
            assertThat(checked.status()).as(checked.toString()).isIn(200, 201);
        }
        String path = "/api/v1/checks/stats?unitId=" + unitId;
        JsonNode json = inspector.get(path).json();
        assertThat(json.path("rows")).hasSize(2);

        List<CSVRecord> csv = csv(fetch(inspector, path, CSV, null));
        assertChineseHeaders(values(csv.get(0)));
        assertThat(csv).hasSize(1 + 2);
        for (int row = 1; row <= 2; row++) {
            JsonNode counted = json.path("rows").get(row - 1);
            assertThat(cell(csv, row, "统计起始日")).isEqualTo(json.path("from").asText());
            assertThat(cell(csv, row, "窗口所属单位")).isEqualTo(unitId);
            assertThat(cell(csv, row, "应用领域")).isEqualTo(counted.path("domainLabel").asText()).isIn("政府采购", "招标投标");
            assertThat(cell(csv, row, "查询次数")).isEqualTo(counted.path("checks").asText());
            assertThat(cell(csv, row, "通过")).isEqualTo(counted.path("byVerdict").path("CLEAR").asText());
        }
        Sheet sheet = xlsx(fetch(inspector, path, XLSX, null));
        assertThat(headers(sheet)).isEqualTo(values(csv.get(0)));
        assertThat(sheet.getLastRowNum()).isEqualTo(2);
        assertThat(cell(sheet, 1, "查询总次数").getNumericCellValue()).isEqualTo(3);
    }

    @Test
    void anEntryListExportsEveryMatchingEntryNotOnlyThePageAskedForWithTheIdNumberAsText() {
        String listCode = defineList();
        Api authority = api().as(keys().listAuthority(AUTHORITY));
        String residentId = residentIdEndingInADigit();
        Map<String, Object> person = entry(listCode, "张某某");
        person.put("subject", Map.of("kind", "NATURAL_PERSON", "code", residentId, "name", "张某某"));
        List<Map<String, Object>> entries = List.of(person, entry(listCode, "广元市某某食品有限公司"), entry(listCode, "广元市某某建材有限公司"));
        for (Map<String, Object> entry : entries) {
            Api.Response entered = authority.post("/api/v1/list-entries", entry);
            assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        }
        JsonNode json = admin.get("/api/v1/list-entries?listCode=" + listCode + "&size=500").json();
        assertThat(json.path("totalItems").asLong()).isEqualTo(3);
        String pageOfOne = "/api/v1/list-entries?listCode=" + listCode + "&size=1&page=1";

        Sheet sheet = xlsx(fetch(admin, pageOfOne, XLSX, null));
        assertChineseHeaders(headers(sheet));
        assertThat(headers(sheet)).doesNotContain("history").noneMatch(h -> h.contains("Label"));
        assertThat(sheet.getLastRowNum()).as("the whole filtered list, not page 1 of size 1").isEqualTo(3);
        for (int row = 1; row <= 3; row++) {
            JsonNode item = json.path("items").get(row - 1);
            assertThat(cell(sheet, row, "名单条目编号").getStringCellValue()).isEqualTo(item.path("entryId").asText());
            assertThat(cell(sheet, row, "状态").getStringCellValue()).isEqualTo("在列");
            assertThat(cell(sheet, row, "主体类别").getStringCellValue()).isEqualTo(item.path("subject").path("kindLabel").asText());
            assertThat(cell(sheet, row, "法定代表人").getStringCellValue()).isEqualTo("王某某");
            assertThat(cell(sheet, row, "第1名责任人").getStringCellValue()).isEqualTo("王某某");
            assertThat(cell(sheet, row, "第2名责任人职务").getStringCellValue()).isEqualTo("直接责任人");
            assertThat(cell(sheet, row, "列入日期").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2024-06-03"));
            LocalDateTime recordedAt = LocalDateTime.ofInstant(Instant.parse(item.path("recordedAt").asText()), SHANGHAI);
            assertThat(cell(sheet, row, "记录时间").getLocalDateTimeCellValue()).isCloseTo(recordedAt, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
        }
        int personRow = rowOf(json, residentId);
        Cell idCell = cell(sheet, personRow, "统一社会信用代码/身份证号码");
        assertThat(idCell.getCellType()).as("a 身份证 is text, never a number").isEqualTo(CellType.STRING);
        assertThat(idCell.getStringCellValue()).isEqualTo(residentId);

        List<CSVRecord> csv = csv(fetch(admin, pageOfOne, CSV, null));
        assertThat(values(csv.get(0))).isEqualTo(headers(sheet));
        assertThat(csv).hasSize(1 + 3);
        assertThat(cell(csv, personRow, "统一社会信用代码/身份证号码")).as("Excel shows =\"…\" as the text, digits intact")
                .isEqualTo("=\"" + residentId + "\"");
        assertThat(cell(csv, personRow, "主体名称")).isEqualTo("张某某");
        assertThat(cell(csv, personRow, "列入日期")).isEqualTo("2024-06-03");
    }

    @Test
    void aListLongerThanTheLargestPageExportsWholeAcrossPages() throws Exception {
        String listCode = defineList();
        Api authority = api().as(keys().listAuthority(AUTHORITY));
        int count = Page.MAX_SIZE + 7;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                posts.add(CompletableFuture.supplyAsync(() ->
                        authority.post("/api/v1/list-entries", entry(listCode, "广元市某某食品有限公司")).status(), pool));
            }
            for (CompletableFuture<Integer> post : posts) {
                assertThat(post.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        List<CSVRecord> csv = csv(fetch(admin, "/api/v1/list-entries?listCode=" + listCode, CSV, null));
        assertThat(csv).hasSize(1 + count);
        Set<String> ids = new HashSet<>();
        for (int row = 1; row <= count; row++) {
            ids.add(cell(csv, row, "名单条目编号"));
        }
        assertThat(ids).as("every entry once").hasSize(count);
        assertThat(cell(csv, count, "序号")).isEqualTo(Integer.toString(count));
    }

    @Test
    void headersAreEnglishWhenTheRequestAsksForEnglish() {
        List<CSVRecord> csv = csv(fetch(inspector, "/api/v1/units/" + unitId + "/quota/" + year, CSV, "en"));
        assertThat(values(csv.get(0))).startsWith("No.", "Unit id", "Unit", "Year", "Annual target", "Counting");
        assertThat(cell(csv, 1, "Counting")).isEqualTo("Letters and records each reach the target");
        assertThat(cell(csv, 1, "Quarter met")).isIn("Yes", "No");
    }

    @Test
    void aWriteAskedToAnswerCsvIsRefusedWith406BeforeItWritesAnything() {
        Api clerk = api().as(keys().clerk(unitId));
        long before = events();
        Api.Response refused = clerk.exchange(HttpMethod.POST, "/api/v1/commitments", letter(), h -> h.set("Accept", CSV));
        assertNotAcceptable(refused);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMediaTypeNoEndpointProducesIs406ProblemJson() {
        assertNotAcceptable(fetch(inspector, "/api/v1/quota/" + year, "application/pdf", null));
        assertNotAcceptable(fetch(inspector, "/api/v1/vocabulary", CSV, null));
        assertNotAcceptable(fetch(inspector, "/api/v1/vocabulary", "application/xml", null));
        Api.Response json = fetch(inspector, "/api/v1/quota/" + year, "application/json", null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
    }

    @Test
    void aProblemOfAnExportIsProblemJson() {
        Api.Response missing = fetch(inspector, "/api/v1/units/gy-nowhere-" + unitId + "/quota/" + year, CSV, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");
    }

    private static void assertNotAcceptable(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-acceptable");
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private void postLetter(Api clerk) {
        Api.Response posted = clerk.post("/api/v1/commitments", letter());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    }

    private String letter() {
        String code = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        return """
                {"unitId": "%s", "type": "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                 "subject": {"kind": "LEGAL_PERSON", "code": "%s", "name": "广元市某某建材有限公司"},
                 "matter": "食品经营许可", "content": "本单位承诺所提交材料真实有效", "signedOn": "2025-03-01"}"""
                .formatted(unitId, code);
    }

    private String defineList() {
        String code = "EXPORT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Api.Response defined = admin.put("/api/v1/lists/" + code, Map.of("name", "市场监督管理严重违法失信名单", "colour", "BLACK",
                "authority", AUTHORITY, "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)",
                "periodMonths", 36, "earlyRepairAllowed", true, "minMonthsBeforeRepair", 12));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return code;
    }

    static Map<String, Object> entry(String listCode, String name) {
        String code = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", listCode);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", code, "name", name));
        body.put("decisionNo", "广市监严失〔2024〕12号");
        body.put("decidedOn", "2024-06-03");
        body.put("reason", "因同一性质违法行为受到两次以上较重行政处罚");
        body.put("effectiveFrom", "2024-06-03");
        body.put("legalRepresentative", Map.of("name", "王某某"));
        body.put("responsiblePersons", new ArrayList<>(List.of(Map.of("name", "王某某", "role", "主要负责人"), Map.of("name", "李某", "role", "直接责任人"))));
        return body;
    }

    /** A 身份证 of 18 digits: the kind Excel would turn into 1.10101E+17 if it were written as a number. */
    private static String residentIdEndingInADigit() {
        while (true) {
            String id = SubjectCodes.residentIdFor(ThreadLocalRandom.current().nextLong(SubjectCodes.RESIDENT_ID_FOR_LIMIT));
            if (Character.isDigit(id.charAt(17))) {
                return id;
            }
        }
    }

    private static int indexOf(JsonNode units, String unitId) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).path("unitId").asText().equals(unitId)) {
                return i;
            }
        }
        throw new AssertionError(unitId + " not in " + units);
    }

    private static int rowOf(JsonNode page, String code) {
        for (int i = 0; i < page.path("items").size(); i++) {
            if (page.path("items").get(i).path("subject").path("code").asText().equals(code)) {
                return i + 1;
            }
        }
        throw new AssertionError(code + " not in " + page);
    }
}
