package org.creditledger.commitment.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.platform.i18n.LabelledEnums;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.XlsxBomb;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportFileReaderTest {

    static final String HEADER = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate";

    static final ImportsProperties LIMITS = new ImportsProperties(2, 200_000, 1000, DataSize.ofMegabytes(100), 0.02, 1000, 200_000);

    static final ResourceBundleMessageSource MESSAGES = messages();
    static final Labels LABELS = new Labels(MESSAGES, List.of(LabelledEnums.of(CommitmentType.class, SubjectKind.class)));

    static {
        new ImportsConfiguration(LIMITS); // POI's zip limits, as the application sets them
    }

    /** The texts as the application has them: the kernel's and platform's bundles with this module's. */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/labels", "imports/vocabulary", "i18n/imports", "i18n/values", "i18n/validation", "i18n/problems",
                "i18n/command-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        return messages;
    }

    static List<ImportRow> read(byte[] content) {
        List<ImportRow> rows = new ArrayList<>();
        ImportFileReader.read(file(content), LIMITS, rows::add);
        return rows;
    }

    static Path file(byte[] content) {
        try {
            Path file = Files.createTempFile("import-reader-test", ".bin");
            file.toFile().deleteOnExit();
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvRowsAreNumberedFromOneAfterTheHeaderAndBlankCellsAreNull() {
        String code = SubjectCodes.usccFor(1, false);
        List<ImportRow> rows = read(utf8(HEADER + "\n"
                + "unit-a,OTHER,LEGAL_PERSON," + code + ",\"广元市某某建材有限公司, 分公司\",食品经营许可,\"第一行\n第二行\",2025-03-01,\n"
                + "unit-b,OTHER,LEGAL_PERSON," + code + ",某公司,事项,内容,2025-03-02,2030-01-31\n"));
        assertThat(rows).containsExactly(
                new ImportRow(1, 2, "unit-a", "OTHER", "LEGAL_PERSON", code, "广元市某某建材有限公司, 分公司", "食品经营许可", "第一行\n第二行", "2025-03-01", null, null, List.of()),
                new ImportRow(2, 3, "unit-b", "OTHER", "LEGAL_PERSON", code, "某公司", "事项", "内容", "2025-03-02", "2030-01-31", null, List.of()));
    }

    @Test
    void csvWithAUtf8ByteOrderMarkReadsItsFirstColumn() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8(HEADER + "\r\nunit-a,OTHER,LEGAL_PERSON,X,名,事,内,2025-03-01,\r\n");
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        assertThat(read(content)).singleElement().extracting(ImportRow::unitId).isEqualTo("unit-a");
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseAndDueDateMayBeLeftOut() {
        List<ImportRow> rows = read(utf8("SignedOn,content,matter,subjectName,subjectCode,subjectKind,type,UNITID,remark\n"
                + "2025-03-01,内,事,名,C,NATURAL_PERSON,OTHER,unit-a,ignored\n"));
        assertThat(rows).containsExactly(new ImportRow(1, 2, "unit-a", "OTHER", "NATURAL_PERSON", "C", "名", "事", "内", "2025-03-01", null, null, List.of()));
    }

    @Test
    void entirelyBlankRowsAreSkippedButKeepTheNumberingOfTheRest() {
        List<ImportRow> rows = read(utf8(HEADER + "\n,,,,,,,,\nunit-a,OTHER,LEGAL_PERSON,C,名,事,内,2025-03-01,\n"));
        assertThat(rows).extracting(ImportRow::row).containsExactly(2);
    }

    @Test
    void linesAreTheSheetsLinesWithTheHeaderAsLineOneAndBlankLinesCounted() {
        String row = "unit-a,OTHER,LEGAL_PERSON,C,名,事,内,2025-03-01,\n";
        List<ImportRow> rows = read(utf8(HEADER + "\n" + row + "\n\n,,,,,,,,\n" + row + "\r\n" + row));
        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 6, 8);
        // the data-row number keeps its first meaning: empty lines are not rows, comma-only lines are
        assertThat(rows).extracting(ImportRow::row).containsExactly(1, 3, 4);
    }

    @Test
    void aGbkCsvFromChineseExcelIsReadWithChineseHeadersAliasesAndTheLetterNumber() {
        String code = SubjectCodes.usccFor(3, false);
        String text = "序号,单位代码,承诺类型,主体类型,统一社会信用代码,主体名称,承诺事项,承诺内容,签署日期,履约期限,承诺书编号\r\n"
                + "1,unit-a,告知承诺,法人和非法人组织," + code + ",广元市某某建材有限公司,食品经营许可,本单位承诺,2025-03-01,,苍溪承字〔2025〕1号\r\n";
        List<ImportRow> rows = read(text.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(rows).containsExactly(new ImportRow(1, 2, "unit-a", "告知承诺", "法人和非法人组织", code, "广元市某某建材有限公司",
                "食品经营许可", "本单位承诺", "2025-03-01", null, "苍溪承字〔2025〕1号", List.of()));
    }

    @Test
    void anUnknownHeaderIsNamedInChineseWithTheAcceptedNames() {
        assertThatThrownBy(() -> read(utf8("单位代码,承诺类型,主体类型,主体代码,主体名称,承诺事项,承诺内容,签署日期,联系电话\nu,OTHER,LEGAL_PERSON,C,n,m,c,2025-03-01,1\n")))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message()))
                        .startsWith("表头“联系电话”不是可识别的列名。")
                        .contains("主体代码（subjectCode，也可写作：统一社会信用代码、身份证号码")
                        .contains("承诺书编号（letterNo"));
    }

    @Test
    void missingRequiredColumnsAreListed() {
        assertThatThrownBy(() -> read(utf8("unitId,type,subjectKind,subjectName,matter,content\nu,OTHER,LEGAL_PERSON,n,m,c\n")))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(words(p.message())).startsWith("missing required columns: subjectCode, signedOn (");
                        }));
    }

    @Test
    void emptyFilesNonUtf8TextAndBrokenWorkbooksAreWholeFileProblems() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UnreadableImportFile.class).hasMessageContaining("empty");
        byte[] neitherUtf8NorGb18030 = {'u', 'n', 'i', 't', 'I', 'd', ',', (byte) 0xFF, (byte) 0xFF, '\n'};
        assertThatThrownBy(() -> read(neitherUtf8NorGb18030))
                .isInstanceOf(UnreadableImportFile.class).hasMessageContaining("UTF-8 or GB18030/GBK");
        assertThatThrownBy(() -> read(utf8("PK this is not a zip")))
                .isInstanceOf(UnreadableImportFile.class).hasMessageContaining("not a readable XLSX");
        assertThatThrownBy(() -> read(utf8("a,\"unclosed\n")))
                .isInstanceOf(UnreadableImportFile.class);
    }

    @Test
    void xlsxIsDetectedByContentAndGivesDateCellsAndTextDatesAsIsoDates() throws IOException {
        byte[] xlsx = workbook();
        assertThat(ImportFileReader.detect(file(xlsx))).isEqualTo(ImportFileReader.Format.XLSX);
        List<ImportRow> rows = read(xlsx);
        assertThat(rows).containsExactly(
                new ImportRow(1, 2, "unit-a", "OTHER", "LEGAL_PERSON", "91510802MA0000001X", "某公司", "事项", "内容", "2025-03-01", "2030-06-30", null, List.of()),
                new ImportRow(3, 4, "unit-a", "OTHER", "NATURAL_PERSON", "510802190001010000", "张三", "事项", "内容", "2025-03-02", null, null, List.of()));
    }

    /** Header in row 1; row 2 has a real date cell (displayed as 2025/3/1) and a text due date; row 3 blank; row 4 text dates. */
    static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("承诺书");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row header = sheet.createRow(0);
            String[] columns = HEADER.split(",");
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row first = sheet.createRow(1);
            String[] values = {"unit-a", "OTHER", "LEGAL_PERSON", "91510802MA0000001X", "某公司", "事项", "内容"};
            for (int i = 0; i < values.length; i++) {
                first.createCell(i).setCellValue(values[i]);
            }
            first.createCell(7).setCellValue(LocalDate.of(2025, 3, 1));
            first.getCell(7).setCellStyle(date);
            first.createCell(8).setCellValue("2030-06-30");
            Row third = sheet.createRow(3);
            String[] person = {"unit-a", "OTHER", "NATURAL_PERSON", "510802190001010000", "张三", "事项", "内容", "2025-03-02"};
            for (int i = 0; i < person.length; i++) {
                third.createCell(i).setCellValue(person[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void rowsAreCheckedByTheDraftAndReportedByColumnName() {
        String code = SubjectCodes.usccFor(7, false);
        String wrongDigit = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        ImportRow row = new ImportRow(1, 2, "unit-a", "PROMISE", "LEGAL_PERSON", wrongDigit, "某公司", " ", "内容", "2025-13-01", null, null, List.of());
        ImportRowCheck.Result result = ImportRowCheck.check(row, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1), LABELS, MESSAGES);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(RowProblem::field).containsExactly("type", "signedOn", "subjectCode", "matter");
        assertThat(english(result.errors().get(0))).startsWith("'PROMISE' is not one of NOTIFICATION_IN_LIEU_OF_CERTIFICATE, ");
        assertThat(english(result.errors().get(1))).isEqualTo("'2025-13-01' cannot be read as a date (YYYY-MM-DD)");
        assertThat(english(result.errors().get(3))).isEqualTo("is required");
        // Chinese unless the reader asks otherwise, and stored so
        assertThat(result.errors().get(0).message()).startsWith("“PROMISE”不是可用的值，请填写以下名称之一（或其代码）：证明事项告知承诺、审批替代型、");
        assertThat(ImportRowMessages.text(result.errors().get(1), LABELS, Locale.SIMPLIFIED_CHINESE)).startsWith("“2025-13-01”不是日期");

        ImportRow valid = new ImportRow(2, 3, "unit-a", "OTHER", "LEGAL_PERSON", code, "某公司", "事项", "内容", "2025-03-01", "2025-12-31", null, List.of());
        ImportRowCheck.Result ok = ImportRowCheck.check(valid, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1), LABELS, MESSAGES);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.command().subject().code()).isEqualTo(code);
    }

    @Test
    void typesAndKindsAreReadByCodeLabelOrShortForm() {
        String code = SubjectCodes.usccFor(8, false);
        for (String[] typed : new String[][]{{"告知承诺", "法人"}, {"证明事项告知承诺", "法人和非法人组织"}, {"notification_in_lieu_of_certificate", "LEGAL_PERSON"}}) {
            ImportRow row = new ImportRow(1, 2, "unit-a", typed[0], typed[1], code, "某公司", "事项", "内容", "2025-03-01", null, null, List.of());
            ImportRowCheck.Result result = ImportRowCheck.check(row, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1), LABELS, MESSAGES);
            assertThat(result.errors()).as(String.join("/", typed)).isEmpty();
            assertThat(result.command().type()).isEqualTo(CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE);
            assertThat(result.command().subject().kind()).isEqualTo(SubjectKind.LEGAL_PERSON);
        }
    }

    @Test
    void aCodeThatExcelTurnedIntoANumberIsRefusedAsLostDigitsNotAsAWrongLength() throws IOException {
        ImportRow csv = new ImportRow(1, 2, "unit-a", "OTHER", "NATURAL_PERSON", "1.10105E+17", "张三", "事项", "内容", "2025-03-01", null, null, List.of());
        ImportRowCheck.Result result = ImportRowCheck.check(csv, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1), LABELS, MESSAGES);
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("subjectCode");
            assertThat(p.message()).contains("Excel 已经丢失了代码的位数").contains("文本");
        });

        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("承诺书");
            Row header = sheet.createRow(0);
            String[] columns = HEADER.split(",");
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row person = sheet.createRow(1);
            String[] values = {"unit-a", "OTHER", "NATURAL_PERSON", null, "张三", "事项", "内容", "2025-03-01"};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    person.createCell(i).setCellValue(values[i]);
                }
            }
            person.createCell(3).setCellValue(110105194912310020d); // what Excel keeps of 11010519491231002X typed as a number
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ImportRow row = read(xlsx).get(0);
        assertThat(row.numberCells()).containsExactly("subjectCode");
        ImportRowCheck.Result fromXlsx = ImportRowCheck.check(row, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1), LABELS, MESSAGES);
        assertThat(fromXlsx.errors()).extracting(RowProblem::code).containsExactly(ImportRowMessages.NUMBER_CELL);
    }

    /** A whole-file problem in the default language, as an upload's 400 gives it. */
    static String words(org.springframework.context.MessageSourceResolvable message) {
        return MESSAGES.getMessage(message, Locale.SIMPLIFIED_CHINESE);
    }

    static String english(RowProblem problem) {
        return ImportRowMessages.text(problem, LABELS, Locale.ENGLISH);
    }

    @Test
    void anXlsxThatInflatesEightyTimesIsRefusedByItsDirectoryAndAgainWhileReadingIfTheDirectoryLies() {
        byte[] honest = XlsxBomb.build(40L * 1024 * 1024, HEADER, false);
        byte[] lying = XlsxBomb.build(40L * 1024 * 1024, HEADER, true);
        assertThat(honest.length).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> ImportFileReader.precheck(file(honest), LIMITS))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message()))
                        .isEqualTo(ImportFileReader.TOO_LARGE_WHEN_INFLATED));
        ImportFileReader.precheck(file(lying), LIMITS); // its directory declares nothing suspicious
        assertThatThrownBy(() -> read(lying))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message()))
                        .isEqualTo(ImportFileReader.TOO_LARGE_WHEN_INFLATED));
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefused() {
        byte[] workbook = XlsxBomb.withLongCell(40_000, HEADER); // under POI's grace size: only the cell limit applies
        assertThatThrownBy(() -> read(workbook))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message()))
                        .isEqualTo("a cell holds more than 32767 characters, more than Excel allows"));
    }

    @Test
    void sharedStringsBeyondTheTextBudgetAreRefused() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("承诺书");
            String[] columns = HEADER.split(",");
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            java.util.Random random = new java.util.Random(7);
            for (int r = 1; r <= 80; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns.length; c++) {
                    StringBuilder text = new StringBuilder(300);
                    random.ints(300, 0x4E00, 0x9FA5).forEach(text::appendCodePoint); // varied Chinese text, as in real letters
                    row.createCell(c).setCellValue(text.toString());
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertThatThrownBy(() -> read(xlsx))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message()))
                        .isEqualTo("the shared strings of the workbook hold more than 200000 characters"));
    }

    @Test
    void unreadableFilesAreDescribedByFixedTextsNotByTheParsersMessages() {
        assertThatThrownBy(() -> read(utf8("PK\u0003\u0004 this is not a zip")))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message())).isEqualTo(ImportFileReader.NOT_XLSX));
        assertThatThrownBy(() -> read(utf8(HEADER + "\nu,OTHER,\"unclosed\n")))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message())).isEqualTo(ImportFileReader.NOT_CSV));
        ByteArrayOutputStream zipWithoutWorkbook = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipWithoutWorkbook)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write(utf8("not a workbook"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThatThrownBy(() -> read(zipWithoutWorkbook.toByteArray()))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(words(e.errors().get(0).message())).isEqualTo(ImportFileReader.NOT_XLSX));
    }

    @Test
    void precheckRefusesAFileWithoutDataRowsButReadsNoFurtherThanTheFirstRow() {
        assertThatThrownBy(() -> ImportFileReader.precheck(file(utf8(HEADER + "\n\n")), LIMITS))
                .isInstanceOf(UnreadableImportFile.class).hasMessageContaining("no data rows");
        // a malformed record after the first data row is found by the worker's full read, not by the precheck
        ImportFileReader.precheck(file(utf8(HEADER + "\nu,OTHER,LEGAL_PERSON,C,名,事,内,2025-03-01,\nu,\"unclosed\n")), LIMITS);
    }
}
