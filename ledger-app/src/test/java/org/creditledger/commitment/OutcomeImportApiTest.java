package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outcome imports (履约践诺信息 in bulk): letters named by their number in the clerk's unit or by id, each row
 * recorded as {@code POST /commitments/{id}/outcome} would be, every bad row rejected alone with its reason, the
 * quota's records following the accepted rows; GB18030 CSV and XLSX as offices save them; the template.
 */
class OutcomeImportApiTest extends ImportApiTest {

    static final String OUTCOMES = "/api/v1/commitments/outcomes/imports";
    static final Charset GB18030 = Charset.forName("GB18030");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    String unitId;
    String otherUnit;
    String clerk;
    int year;

    @BeforeEach
    void setUp() {
        unitId = registerUnit("苍溪县市场监督管理局");
        otherUnit = registerUnit("剑阁县市场监督管理局");
        clerk = keys.clerk(unitId);
        year = LocalDate.now(SHANGHAI).getYear();
        Api.Response target = api.as(admin).put("/api/v1/units/" + unitId + "/targets/" + year,
                Map.of("annualTarget", 100, "counting", "EACH", "quarterlyRule", true));
        assertThat(target.status()).as(target.toString()).isIn(200, 201);
    }

    /** A letter of {@code unit} posted by {@code apiKey}, with {@code letterNo} if not null; its commitment id. */
    String letter(String apiKey, String unit, String letterNo) {
        Map<String, Object> body = new HashMap<>(Map.of("unitId", unit, "type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", SubjectCodes.usccFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT, false),
                        "name", "苍溪县某某食品有限公司"),
                "matter", "食品经营许可", "content", "承诺所提交材料真实有效", "signedOn", "2025-03-01"));
        if (letterNo != null) {
            body.put("letterNo", letterNo);
        }
        Api.Response posted = api.as(apiKey).post("/api/v1/commitments", body);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    JsonNode imported(String apiKey, String fileName, byte[] file, String language) {
        Api.Response accepted = uploadTo(OUTCOMES, apiKey, fileName, file, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.headers().getLocation()).hasToString(OUTCOMES + "/" + accepted.json().path("importId").asText());
        JsonNode done = awaitDoneAt(OUTCOMES, apiKey, accepted.json().path("importId").asText(), language);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    /** The outcome events the ledger stored for a letter, by payload type's simple name. */
    List<String> outcomeEvents(String commitmentId) {
        return jdbc.sql("""
                        select payload_type from domain_event_entry where aggregate_identifier = ? and sequence_number > 0
                        order by sequence_number""")
                .param(commitmentId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1)).toList();
    }

    static List<String> statuses(JsonNode done) {
        List<String> statuses = new ArrayList<>();
        done.path("rows").forEach(r -> statuses.add(r.path("line").asInt() + " " + r.path("status").asText()));
        return statuses;
    }

    static JsonNode line(JsonNode done, int line) {
        for (JsonNode row : done.path("rows")) {
            if (row.path("line").asInt() == line) {
                return row;
            }
        }
        throw new AssertionError("no line " + line + " in " + done);
    }

    static String field(JsonNode row) {
        return row.path("errors").get(0).path("field").asText();
    }

    static String message(JsonNode row) {
        return row.path("errors").get(0).path("message").asText();
    }

    @Test
    void aClerksGb18030CsvRecordsTheGoodRowsAndRejectsEachBadRowAloneWithItsReason() {
        String numbered = letter(clerk, unitId, "苍市监承〔2025〕1号");
        letter(clerk, unitId, "苍市监承〔2025〕2号");
        String byId = letter(clerk, unitId, null);
        String closed = letter(clerk, unitId, null);
        assertThat(api.as(clerk).post("/api/v1/commitments/" + closed + "/outcome",
                Map.of("outcome", "FULFILLED", "occurredOn", "2025-03-20")).status()).isEqualTo(200);
        String othersLetter = letter(keys.clerk(otherUnit), otherUnit, "苍市监承〔2025〕1号");
        String nobody = UUID.randomUUID().toString();

        String csv = "序号,承诺书ID,承诺书编号,单位代码,履约结果,发生日期,备注\r\n"
                + "1,,苍市监承〔2025〕1号,,履约,2025-04-01,现场核查材料属实\r\n"   // line 2: by number
                + "2," + byId + ",,,违约,2025-04-02,提交材料虚假\r\n"              // line 3: by id, Chinese label
                + "3,,苍市监承〔2025〕9号,,履约,2025-04-01,\r\n"                    // line 4: no such number in the unit
                + "4," + othersLetter + ",,,FULFILLED,2025-04-01,\r\n"             // line 5: another unit's letter
                + "5,,苍市监承〔2025〕2号,,完成,2025-04-01,\r\n"                    // line 6: no such outcome
                + "6,,苍市监承〔2025〕2号,,履约,2025-13-01,\r\n"                    // line 7: no such date
                + "7,,苍市监承〔2025〕1号,,违约,2025-04-03,\r\n"                    // line 8: the same letter again
                + "8," + closed + ",,,违约,2025-04-01,\r\n"                        // line 9: a second outcome
                + "9," + nobody + ",,,履约,2025-04-01,\r\n"                        // line 10: no such letter
                + "10,,苍市监承〔2025〕2号," + otherUnit + ",履约,2025-04-01,\r\n"  // line 11: another unit named
                + "11,,,,履约,2025-04-01,\r\n";                                     // line 12: no letter named
        byte[] file = csv.getBytes(GB18030);
        assertThat(new String(file, StandardCharsets.UTF_8)).as("really not UTF-8").isNotEqualTo(csv);
        long eventsBefore = events();

        JsonNode done = imported(clerk, "履约结果（逗号分隔）.csv", file, null);

        assertThat(statuses(done)).containsExactly("2 ACCEPTED", "3 ACCEPTED", "4 REJECTED", "5 REJECTED", "6 REJECTED",
                "7 REJECTED", "8 REJECTED", "9 REJECTED", "10 REJECTED", "11 REJECTED", "12 REJECTED");
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("rejected").asInt()).isEqualTo(9);
        assertThat(line(done, 2).path("commitmentId").asText()).isEqualTo(numbered);
        assertThat(line(done, 3).path("commitmentId").asText()).isEqualTo(byId);
        assertThat(outcomeEvents(numbered)).containsExactly("CommitmentFulfilledEvent");
        assertThat(outcomeEvents(byId)).containsExactly("CommitmentBreachedEvent");
        assertThat(outcomeEvents(othersLetter)).isEmpty();
        assertThat(outcomeEvents(closed)).containsExactly("CommitmentFulfilledEvent");
        assertThat(events()).isEqualTo(eventsBefore + 2);

        assertThat(field(line(done, 4))).isEqualTo("letterNo");
        assertThat(message(line(done, 4))).isEqualTo("单位 " + unitId + " 没有编号为“苍市监承〔2025〕9号”的承诺书");
        assertThat(message(line(done, 5))).contains(othersLetter).contains("可以登记其履约结果");
        assertThat(field(line(done, 6))).isEqualTo("outcome");
        assertThat(message(line(done, 6))).startsWith("“完成”不是可用的值").contains("履约、违约");
        assertThat(field(line(done, 7))).isEqualTo("occurredOn");
        assertThat(message(line(done, 7))).contains("“2025-13-01”不是日期");
        assertThat(message(line(done, 8))).contains(numbered).contains("已有履约结果");
        assertThat(message(line(done, 9))).contains(closed).contains("已有履约结果");
        assertThat(field(line(done, 10))).isEqualTo("commitmentId");
        assertThat(message(line(done, 10))).isEqualTo("没有ID为“" + nobody + "”的承诺书");
        assertThat(field(line(done, 11))).isEqualTo("unitId");
        assertThat(message(line(done, 11))).contains(unitId).contains("履约结果");
        assertThat(field(line(done, 12))).isEqualTo("commitmentId");

        // the same report in English
        JsonNode english = awaitDoneAt(OUTCOMES, clerk, done.path("importId").asText(), "en");
        assertThat(message(line(english, 4))).isEqualTo("unit " + unitId + " has no letter numbered '苍市监承〔2025〕9号'");
        assertThat(message(line(english, 6))).startsWith("'完成' is not one of").contains("FULFILLED, BREACHED");

        // the quota's records follow: the outcome posted alone and the two imported
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode quota = api.as(clerk).get("/api/v1/units/" + unitId + "/quota/" + year).json();
            assertThat(quota.path("records").asInt()).as(quota.toString()).isEqualTo(3);
            assertThat(quota.path("letters").asInt()).isEqualTo(4);
        });

        // the same file again: the same import, nothing recorded twice
        Api.Response again = uploadTo(OUTCOMES, clerk, "履约结果（逗号分隔）.csv", file, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("importId").asText()).isEqualTo(done.path("importId").asText());
        assertThat(events()).isEqualTo(eventsBefore + 2);
    }

    @Test
    void anAdminsWorkbookNamesLettersByNumberWithTheirUnitOrById() throws IOException {
        String numbered = letter(admin, unitId, "苍市监承〔2025〕21号");
        String byId = letter(admin, unitId, null);
        String unnamedUnit = letter(admin, unitId, "苍市监承〔2025〕22号");
        String othersLetter = letter(admin, otherUnit, null);
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("履约结果");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            fill(sheet.createRow(0), "单位代码", "承诺书编号", "承诺书ID", "履约结果", "发生日期", "备注");
            fill(sheet.createRow(1), unitId, "苍市监承〔2025〕21号", null, "违约", null, "未按期补齐材料");
            sheet.getRow(1).createCell(4).setCellValue(LocalDate.of(2025, 5, 6)); // a date cell, shown the Excel way
            sheet.getRow(1).getCell(4).setCellStyle(date);
            fill(sheet.createRow(2), null, null, byId, "FULFILLED", "2025-05-07", null);
            fill(sheet.createRow(4), null, "苍市监承〔2025〕22号", null, "履约", "2025-05-07", null); // line 5: which unit?
            fill(sheet.createRow(5), unitId, null, othersLetter, "履约", "2025-05-07", null);      // line 6: not that unit's
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        JsonNode done = imported(admin, "履约结果.xlsx", xlsx, null);

        assertThat(statuses(done)).containsExactly("2 ACCEPTED", "3 ACCEPTED", "5 REJECTED", "6 REJECTED");
        assertThat(line(done, 2).path("commitmentId").asText()).isEqualTo(numbered);
        assertThat(outcomeEvents(numbered)).containsExactly("CommitmentBreachedEvent");
        assertThat(jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'occurredOn' from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = 1""").param(numbered).query(String.class).single())
                .isEqualTo("2025-05-06");
        assertThat(outcomeEvents(byId)).containsExactly("CommitmentFulfilledEvent");
        assertThat(field(line(done, 5))).isEqualTo("unitId");
        assertThat(message(line(done, 5))).contains("苍市监承〔2025〕22号").contains("管理员须填写单位代码");
        assertThat(outcomeEvents(unnamedUnit)).isEmpty();
        assertThat(message(line(done, 6))).contains(othersLetter).contains("可以登记其履约结果");
        assertThat(outcomeEvents(othersLetter)).isEmpty();
        // every event says which import row caused it
        assertThat(jdbc.sql("select convert_from(meta_data, 'UTF8')::jsonb ->> 'request' from domain_event_entry where aggregate_identifier = ? and sequence_number = 1")
                .param(byId).query(String.class).single()).isEqualTo("import " + done.path("importId").asText() + " row 2");
    }

    @Test
    void outcomeImportsAreListedAndReadApartFromLetterImports() {
        String letterId = letter(clerk, unitId, null);
        byte[] file = ("commitmentId,outcome,occurredOn\n" + letterId + ",FULFILLED,2025-04-01\n").getBytes(StandardCharsets.UTF_8);
        String importId = imported(clerk, "outcomes.csv", file, "en").path("importId").asText();

        assertThat(api.as(clerk).get(IMPORTS + "/" + importId).status()).isEqualTo(404);
        JsonNode outcomes = api.as(clerk).get(OUTCOMES + "?size=10").json();
        assertThat(outcomes.path("items")).extracting(i -> i.path("importId").asText()).containsExactly(importId);
        assertThat(outcomes.path("items").get(0).path("unitId").asText()).isEqualTo(unitId);
        assertThat(api.as(clerk).get(IMPORTS + "?size=10").json().path("totalItems").asInt()).isZero();
        assertThat(api.as(keys.inspector()).get(OUTCOMES + "/" + importId).status()).isEqualTo(200);
        // as for letter imports: a clerk key reads only the imports it uploaded, and lists only its own unit's
        assertThat(api.as(keys.clerk(unitId)).get(OUTCOMES + "/" + importId).status()).isEqualTo(403);
        assertThat(api.as(keys.clerk(otherUnit)).get(OUTCOMES + "?unitId=" + unitId).status()).isEqualTo(403);
        // a file without the outcome columns is refused at once, naming what is missing
        Api.Response letters = uploadTo(OUTCOMES, clerk, "letters.csv", (HEADER + "\n" + unitId
                + ",OTHER,LEGAL_PERSON,91110108MA01R7K44D,某公司,事项,内容,2025-03-01,\n").getBytes(StandardCharsets.UTF_8), "en");
        assertThat(letters.status()).as(letters.toString()).isEqualTo(400);
        assertThat(letters.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
    }

    @Test
    void theTemplateHasTheOutcomeColumnsAndAnOutcomeDropdownAndIsImportedAsFilled() throws IOException {
        Api.Response template = api.as(clerk).get(OUTCOMES + "/template.xlsx");
        assertThat(template.status()).as(template.toString()).isEqualTo(200);
        assertThat(template.headers().getContentDisposition().getFilename()).isEqualTo("履约结果导入模板.xlsx");
        String letterId = letter(clerk, unitId, "苍市监承〔2025〕31号");
        byte[] filled;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = (XSSFSheet) workbook.getSheet("履约结果");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("承诺书ID", "承诺书编号", "单位代码", "履约结果", "发生日期", "备注");
            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).singleElement().satisfies(v ->
                    assertThat(Arrays.asList(v.getValidationConstraint().getExplicitListValues())).containsExactly("履约", "违约"));
            assertThat(workbook.getSheet("填写说明")).isNotNull();
            fill(sheet.createRow(1), null, "苍市监承〔2025〕31号", null, "履约", "2025-04-01", null);
            workbook.write(out);
            filled = out.toByteArray();
        }

        JsonNode done = imported(clerk, "履约结果导入模板.xlsx", filled, null);

        assertThat(statuses(done)).containsExactly("2 ACCEPTED");
        assertThat(outcomeEvents(letterId)).containsExactly("CommitmentFulfilledEvent");
    }

    static void fill(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
