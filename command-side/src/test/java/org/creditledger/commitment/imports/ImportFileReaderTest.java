package org.creditledger.commitment.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.subject.SubjectCodes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportFileReaderTest {

    static final String HEADER = "unitId,type,subjectKind,subjectCode,subjectName,matter,content,signedOn,dueDate";

    static List<ImportRow> read(byte[] content) {
        List<ImportRow> rows = new ArrayList<>();
        ImportFileReader.read(content, rows::add);
        return rows;
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
                new ImportRow(1, "unit-a", "OTHER", "LEGAL_PERSON", code, "广元市某某建材有限公司, 分公司", "食品经营许可", "第一行\n第二行", "2025-03-01", null),
                new ImportRow(2, "unit-b", "OTHER", "LEGAL_PERSON", code, "某公司", "事项", "内容", "2025-03-02", "2030-01-31"));
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
        assertThat(rows).containsExactly(new ImportRow(1, "unit-a", "OTHER", "NATURAL_PERSON", "C", "名", "事", "内", "2025-03-01", null));
    }

    @Test
    void entirelyBlankRowsAreSkippedButKeepTheNumberingOfTheRest() {
        List<ImportRow> rows = read(utf8(HEADER + "\n,,,,,,,,\nunit-a,OTHER,LEGAL_PERSON,C,名,事,内,2025-03-01,\n"));
        assertThat(rows).extracting(ImportRow::row).containsExactly(2);
    }

    @Test
    void missingRequiredColumnsAreListed() {
        assertThatThrownBy(() -> read(utf8("unitId,type,subjectKind,subjectName,matter,content\nu,OTHER,LEGAL_PERSON,n,m,c\n")))
                .isInstanceOfSatisfying(UnreadableImportFile.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.message()).startsWith("missing required columns: subjectCode, signedOn (");
                        }));
    }

    @Test
    void emptyFilesNonUtf8TextAndBrokenWorkbooksAreWholeFileProblems() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UnreadableImportFile.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("unitId,名".getBytes(java.nio.charset.Charset.forName("GB18030"))))
                .isInstanceOf(UnreadableImportFile.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read(utf8("PK this is not a zip")))
                .isInstanceOf(UnreadableImportFile.class).hasMessageContaining("not a readable XLSX");
        assertThatThrownBy(() -> read(utf8("a,\"unclosed\n")))
                .isInstanceOf(UnreadableImportFile.class);
    }

    @Test
    void xlsxIsDetectedByContentAndGivesDateCellsAndTextDatesAsIsoDates() throws IOException {
        byte[] xlsx = workbook();
        assertThat(ImportFileReader.detect(xlsx)).isEqualTo(ImportFileReader.Format.XLSX);
        List<ImportRow> rows = read(xlsx);
        assertThat(rows).containsExactly(
                new ImportRow(1, "unit-a", "OTHER", "LEGAL_PERSON", "91510802MA0000001X", "某公司", "事项", "内容", "2025-03-01", "2030-06-30"),
                new ImportRow(3, "unit-a", "OTHER", "NATURAL_PERSON", "510802190001010000", "张三", "事项", "内容", "2025-03-02", null));
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
        ImportRow row = new ImportRow(1, "unit-a", "PROMISE", "LEGAL_PERSON", wrongDigit, "某公司", " ", "内容", "2025-13-01", null);
        ImportRowCheck.Result result = ImportRowCheck.check(row, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1));
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldProblem::field).containsExactly("type", "signedOn", "subjectCode", "matter");
        assertThat(result.errors().get(0).message()).startsWith("'PROMISE' is not one of NOTIFICATION_IN_LIEU_OF_CERTIFICATE, ");
        assertThat(result.errors().get(1).message()).isEqualTo("'2025-13-01' cannot be read as a date (YYYY-MM-DD)");
        assertThat(result.errors().get(3).message()).isEqualTo("is required");

        ImportRow valid = new ImportRow(2, "unit-a", "OTHER", "LEGAL_PERSON", code, "某公司", "事项", "内容", "2025-03-01", "2025-12-31");
        ImportRowCheck.Result ok = ImportRowCheck.check(valid, new CommitmentId(UUID.randomUUID()), LocalDate.of(2025, 6, 1));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.command().subject().code()).isEqualTo(code);
    }
}
