package org.creditledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Files as a county credit office saves them: Chinese Excel's GBK CSV, Chinese headers and labels, number cells, blank lines, the template. */
class OfficeImportApiTest extends ImportApiTest {

    static final String CHINESE_HEADER = "单位代码,承诺类型,主体类型,主体代码,主体名称,承诺事项,承诺内容,签署日期,履约期限";
    static final Charset GBK = Charset.forName("GBK");
    static final ObjectMapper JSON = new ObjectMapper();

    String unitId;

    @BeforeEach
    void setUp() {
        unitId = registerUnit("苍溪县发展和改革局");
    }

    String company() {
        return SubjectCodes.usccFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT, false);
    }

    String individualBusiness() {
        return SubjectCodes.usccFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT, true);
    }

    String person() {
        return SubjectCodes.residentIdFor(NEXT_SUBJECT.incrementAndGet() % SubjectCodes.RESIDENT_ID_FOR_LIMIT);
    }

    /**
     * The letter as the ledger recorded it: the payload of its posted event. Read from the event store, not from
     * {@code GET /commitments/{id}}, whose read model may answer 503 while it catches up on a loaded machine.
     */
    JsonNode commitment(String commitmentId) throws IOException {
        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")
                .param(commitmentId).query(String.class).single();
        return JSON.readTree(payload);
    }

    JsonNode imported(String apiKey, String fileName, byte[] file, String language) {
        Api.Response accepted = upload(apiKey, fileName, file);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = awaitDone(apiKey, accepted.json().path("importId").asText(), language);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    static String firstMessage(JsonNode row) {
        return row.path("errors").get(0).path("message").asText();
    }

    @Test
    void aGbkCsvFromChineseExcelWithChineseHeadersAliasesAndLabelsIsImported() throws IOException {
        String company = company();
        String shop = individualBusiness();
        String person = person();
        String csv = "序号,单位代码,承诺类型,主体类型,统一社会信用代码,主体名称,承诺事项,承诺内容,签署日期,履约期限,承诺书编号\r\n"
                + "1," + unitId + ",告知承诺,法人," + company + ",广元市某某建材有限公司,食品经营许可,本单位承诺所提交材料真实有效,2025-03-01,,苍发改承〔2025〕1号\r\n"
                + "2," + unitId + ",容缺受理型,个体工商户," + shop + ",苍溪县某某小吃店,食品经营许可,承诺限期补齐材料,2025-03-02,2025-06-30,苍发改承〔2025〕2号\r\n"
                + "3," + unitId + ",信用修复型,自然人," + person + ",张三,信用修复,承诺不再违法,2025-03-03,,\r\n";
        byte[] gbk = csv.getBytes(GBK);
        assertThat(new String(gbk, StandardCharsets.UTF_8)).as("really not UTF-8").isNotEqualTo(csv);

        JsonNode done = imported(admin, "承诺书（逗号分隔）.csv", gbk, null);

        assertThat(done.path("rows")).extracting(r -> r.path("status").asText()).as(done.toString())
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
        JsonNode first = commitment(done.path("rows").get(0).path("commitmentId").asText());
        assertThat(first.path("type").asText()).isEqualTo("NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(first.path("subject").path("kind").asText()).isEqualTo("LEGAL_PERSON");
        assertThat(first.path("subject").path("name").asText()).isEqualTo("广元市某某建材有限公司");
        JsonNode second = commitment(done.path("rows").get(1).path("commitmentId").asText());
        assertThat(second.path("type").asText()).isEqualTo("ACCEPTANCE_WITH_DEFICIENCIES");
        assertThat(second.path("subject").path("kind").asText()).isEqualTo("INDIVIDUAL_BUSINESS");
        JsonNode third = commitment(done.path("rows").get(2).path("commitmentId").asText());
        assertThat(third.path("type").asText()).isEqualTo("CREDIT_REPAIR");
        assertThat(third.path("subject").path("code").asText()).isEqualTo(person);
    }

    @Test
    void theLetterNumberColumnIsStoredAndARepeatedNumberIsRejectedForItsRowAlone() throws IOException {
        String csv = "单位代码,承诺类型,主体类型,主体代码,主体名称,承诺事项,承诺内容,签署日期,承诺书编号\r\n"
                + unitId + ",告知承诺,法人," + company() + ",甲公司,食品经营许可,承诺材料真实,2025-03-01,苍发改承〔2025〕7号\r\n"
                + unitId + ",告知承诺,法人," + company() + ",乙公司,食品经营许可,承诺材料真实,2025-03-02,苍发改承〔2025〕7号\r\n"
                + unitId + ",告知承诺,法人," + company() + ",丙公司,食品经营许可,承诺材料真实,2025-03-03,苍发改承〔2025〕8号\r\n";

        JsonNode done = imported(admin, "编号.csv", csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(done.path("rows")).extracting(r -> r.path("status").asText()).as(done.toString())
                .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
        String first = done.path("rows").get(0).path("commitmentId").asText();
        assertThat(commitment(first).path("letterNo").asText()).isEqualTo("苍发改承〔2025〕7号");
        assertThat(firstMessage(done.path("rows").get(1))).contains("苍发改承〔2025〕7号").contains(first);
    }

    @Test
    void aUtf8CsvWithByteOrderMarkAndChineseHeadersIsImported() throws IOException {
        byte[] body = (CHINESE_HEADER + "\r\n" + unitId + ",审批替代型,法人和非法人组织," + company()
                + ",某公司,建设工程规划许可,承诺内容,2025-03-01,\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);

        JsonNode done = imported(admin, "CSV UTF-8.csv", file, null);

        JsonNode row = done.path("rows").get(0);
        assertThat(row.path("status").asText()).as(done.toString()).isEqualTo("ACCEPTED");
        assertThat(commitment(row.path("commitmentId").asText()).path("type").asText()).isEqualTo("APPROVAL_REPLACEMENT");
    }

    @Test
    void aCodeExcelStoredAsANumberIsRefusedSayingDigitsAreLostAndTheColumnMustBeText() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            String[] header = CHINESE_HEADER.split(",");
            Row names = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                names.createCell(i).setCellValue(header[i]);
            }
            Row person = sheet.createRow(1);
            String[] values = {unitId, "其他", "自然人", null, "张三", "事项", "内容", "2025-03-01"};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    person.createCell(i).setCellValue(values[i]);
                }
            }
            person.createCell(3).setCellValue(510802199001010000d); // an 18-digit 身份证 typed into a General cell
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        String csv = CHINESE_HEADER + "\r\n" + unitId + ",其他,法人,9.15101E+17,某公司,事项,内容,2025-03-01,\r\n";

        for (byte[] file : List.of(xlsx, csv.getBytes(GBK))) {
            Api.Response accepted = upload(admin, "号码变成了数字", file);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            String importId = accepted.json().path("importId").asText();

            JsonNode chinese = awaitDone(admin, importId, null).path("rows").get(0);
            assertThat(chinese.path("status").asText()).isEqualTo("REJECTED");
            assertThat(chinese.path("errors")).hasSize(1);
            assertThat(chinese.path("errors").get(0).path("field").asText()).isEqualTo("subjectCode");
            assertThat(firstMessage(chinese)).contains("Excel 已经丢失了代码的位数").contains("设置单元格格式").contains("文本")
                    .doesNotContain("18");

            JsonNode english = awaitDone(admin, importId, "en").path("rows").get(0);
            assertThat(firstMessage(english)).contains("Excel has already lost digits").contains("Format the column as text");
        }
    }

    @Test
    void rejectedRowsAreReportedByTheirLineInTheSheetBlankLinesCounted() throws IOException {
        String good = unitId + ",其他,法人,%s,某公司,事项,内容,2025-03-01,";
        String csv = CHINESE_HEADER + "\r\n"
                + good.formatted(company()) + "\r\n"       // line 2
                + "\r\n\r\n"                               // lines 3, 4: blank
                + unitId + ",承诺,法人," + company() + ",某公司,事项,内容,2025-03-01,\r\n" // line 5: no such type
                + ",,,,,,,,\r\n"                           // line 6: blank cells
                + good.formatted(company()) + "\r\n";     // line 7
        JsonNode rows = imported(admin, "blank lines.csv", csv.getBytes(GBK), null).path("rows");
        assertThat(rows).extracting(r -> r.path("line").asInt()).containsExactly(2, 5, 7);
        assertThat(rows.get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(firstMessage(rows.get(1))).startsWith("“承诺”不是可用的值").contains("证明事项告知承诺");
        // the data-row numbers keep the meaning they had
        assertThat(rows).extracting(r -> r.path("row").asInt()).containsExactly(1, 2, 4);

        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("承诺书");
            fill(sheet.createRow(0), CHINESE_HEADER.split(","));
            fill(sheet.createRow(1), good.formatted(company()).split(",", -1));
            fill(sheet.createRow(4), (unitId + ",其他,法人," + company() + ",某公司,事项,内容,2025-13-01,").split(",", -1));
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode sheetRows = imported(admin, "blank rows.xlsx", xlsx, null).path("rows");
        assertThat(sheetRows).extracting(r -> r.path("line").asInt()).containsExactly(2, 5);
        assertThat(sheetRows.get(1).path("errors").get(0).path("field").asText()).isEqualTo("signedOn");
    }

    static void fill(Row row, String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    @Test
    void anUnknownHeaderIsRefusedAtOnceNamingItAndTheAcceptedNames() {
        byte[] file = (CHINESE_HEADER + ",联系电话\r\n" + unitId + ",其他,法人," + company() + ",某公司,事项,内容,2025-03-01,,0839-1234567\r\n")
                .getBytes(GBK);
        long before = jdbc.sql("select count(*) from commitment_import").query(Long.class).single();

        Api.Response chinese = upload(admin, "多了一列.csv", file);
        assertThat(chinese.status()).as(chinese.toString()).isEqualTo(400);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        JsonNode error = chinese.json().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("file");
        assertThat(error.path("message").asText()).startsWith("表头“联系电话”不是可识别的列名。可用的列名")
                .contains("单位代码（unitId").contains("主体代码（subjectCode，也可写作：统一社会信用代码").contains("承诺书编号（letterNo");

        Api.Response english = upload(admin, "多了一列.csv", file, "en");
        assertThat(english.json().path("errors").get(0).path("message").asText())
                .startsWith("The header '联系电话' is not a known column name. Accepted names").contains("主体代码 (subjectCode, or: 统一社会信用代码");
        assertThat(jdbc.sql("select count(*) from commitment_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theTemplateDownloadedFilledAndUploadedStoresTheLetters() throws IOException {
        String clerk = keys.clerk(unitId);
        Api.Response download = api.as(clerk).get(IMPORTS + "/template.xlsx");
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.headers().getContentDisposition().getFilename()).isEqualTo("承诺书导入模板.xlsx");

        byte[] filled;
        String company = company();
        String person = person();
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(download.body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet letters = template.getSheetAt(0);
            assertThat(letters.getSheetName()).isEqualTo("承诺书");
            List<String> header = new ArrayList<>();
            letters.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("单位代码", "承诺类型", "主体类型", "主体代码", "主体名称", "承诺事项", "承诺内容",
                    "签署日期", "履约期限", "承诺书编号");
            for (int codeColumn : new int[]{0, 3, 9}) {
                assertThat(letters.getColumnStyle(codeColumn).getDataFormatString()).as("column %d", codeColumn).isEqualTo("@");
            }
            List<String> types = dropdown(letters, 1);
            List<String> kinds = dropdown(letters, 2);
            assertThat(types).hasSize(7).contains("证明事项告知承诺", "信用修复型");
            assertThat(kinds).containsExactly("法人和非法人组织", "个体工商户", "自然人");

            Sheet notes = template.getSheet("填写说明");
            assertThat(notes).isNotNull();
            Row example = notes.getRow(notes.getLastRowNum());
            assertThat(example.getCell(0).getStringCellValue()).isEqualTo(unitId);
            assertThat(example.getCell(3).getStringCellValue()).isEqualTo("91110108MA01R7K44D");

            // a clerk fills two letters, picking type and kind from the dropdowns
            Object[][] rows = {
                    {unitId, types.get(0), kinds.get(0), company, "广元市某某建材有限公司", "食品经营许可", "承诺材料真实", "2025-03-01", "", "苍发改承〔2025〕7号"},
                    {unitId, types.get(5), kinds.get(2), person, "张三", "信用修复", "承诺不再违法", "2025-03-02", "2026-03-01", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = letters.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!"".equals(rows[r][c])) {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                        row.getCell(c).setCellStyle(letters.getColumnStyle(c));
                    }
                }
            }
            template.write(out);
            filled = out.toByteArray();
        }

        JsonNode done = imported(clerk, "承诺书导入模板.xlsx", filled, null);
        assertThat(done.path("rows")).extracting(r -> r.path("status").asText()).as(done.toString()).containsExactly("ACCEPTED", "ACCEPTED");
        JsonNode first = commitment(done.path("rows").get(0).path("commitmentId").asText());
        assertThat(first.path("unitId").toString()).contains("\"" + unitId + "\"");
        assertThat(first.path("type").asText()).isEqualTo("NOTIFICATION_IN_LIEU_OF_CERTIFICATE");
        assertThat(first.path("subject").path("code").asText()).isEqualTo(company);
        JsonNode second = commitment(done.path("rows").get(1).path("commitmentId").asText());
        assertThat(second.path("type").asText()).isEqualTo("CREDIT_REPAIR");
        assertThat(second.path("subject").path("kind").asText()).isEqualTo("NATURAL_PERSON");
        assertThat(second.path("dueDate").asText()).isEqualTo("2026-03-01");

        Api.Response forAdmin = api.as(admin).get(IMPORTS + "/template.xlsx");
        assertThat(forAdmin.status()).isEqualTo(200);
        try (Workbook template = new XSSFWorkbook(new ByteArrayInputStream(forAdmin.body()))) {
            Sheet notes = template.getSheet("填写说明");
            assertThat(notes.getRow(notes.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("本单位代码");
        }
    }

    /** The values of the list validation on {@code column} of the sheet. */
    static List<String> dropdown(XSSFSheet sheet, int column) {
        for (DataValidation validation : sheet.getDataValidations()) {
            if (Arrays.stream(validation.getRegions().getCellRangeAddresses()).anyMatch(r -> r.getFirstColumn() == column && r.getFirstRow() == 1)) {
                return List.of(validation.getValidationConstraint().getExplicitListValues());
            }
        }
        throw new AssertionError("no dropdown on column " + column);
    }
}
