package org.creditledger.commitment.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.platform.i18n.I18nConfiguration;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.subject.SubjectKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The import template: a sheet {@code 承诺书} with the columns' Chinese names as its header, code columns formatted
 * as text ({@code @}) so Excel keeps every digit, dropdowns with the Chinese labels of the commitment types and
 * subject kinds, and a sheet {@code 填写说明} that explains each column and shows one example row with a valid code.
 * The example stands on the notes sheet, not among the rows to import: a clerk who forgets to delete it must not
 * post a letter for a subject that never signed one (a posted letter cannot be taken back).
 */
final class ImportTemplate {

    private static final Locale CHINESE = I18nConfiguration.DEFAULT_LOCALE; // first: FILE_NAME below needs it
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FILE_NAME = text("imports.template.file");
    /** Rows below the header that get the dropdowns and the column formats. */
    static final int PREPARED_ROWS = 10_000;
    /** A valid 统一社会信用代码 of a legal person (credit-rules fixtures). */
    static final String EXAMPLE_CODE = "91110108MA01R7K44D";
    private static final Set<String> DATE_COLUMNS = Set.of("signedOn", "dueDate");

    private ImportTemplate() {
    }

    static byte[] build(Labels labels, String unitId, LocalDate today) {
        ImportColumns columns = ImportColumns.STANDARD;
        List<String> codes = ImportColumns.CODES;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DataFormat formats = workbook.createDataFormat();
            CellStyle textCells = workbook.createCellStyle();
            textCells.setDataFormat(formats.getFormat("@"));
            CellStyle dateCells = workbook.createCellStyle();
            dateCells.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setDataFormat(formats.getFormat("@"));

            Sheet letters = workbook.createSheet(text("imports.template.sheet"));
            Row names = letters.createRow(0);
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                names.createCell(i).setCellValue(columns.chineseName(code));
                names.getCell(i).setCellStyle(header);
                letters.setDefaultColumnStyle(i, DATE_COLUMNS.contains(code) ? dateCells : textCells);
                letters.setColumnWidth(i, 256 * width(code));
            }
            letters.createFreezePane(0, 1);
            dropdown(letters, codes.indexOf("type"), labels(labels, CommitmentType.values()));
            dropdown(letters, codes.indexOf("subjectKind"), labels(labels, SubjectKind.values()));

            Sheet notes = workbook.createSheet(text("imports.template.notesSheet"));
            notes.createRow(0).createCell(0).setCellValue(text("imports.template.notes.title"));
            Row notesHeader = notes.createRow(2);
            String[] noteColumns = text("imports.template.notes.header").split(",");
            for (int i = 0; i < noteColumns.length; i++) {
                notesHeader.createCell(i).setCellValue(noteColumns[i]);
                notesHeader.getCell(i).setCellStyle(header);
            }
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                Row note = notes.createRow(3 + i);
                note.createCell(0).setCellValue(columns.chineseName(code));
                note.createCell(1).setCellValue(code);
                note.createCell(2).setCellValue(text(ImportColumns.OPTIONAL.contains(code) ? "imports.template.optional" : "imports.template.required"));
                note.createCell(3).setCellValue(text("imports.template.note." + code));
            }
            notes.setColumnWidth(0, 256 * 14);
            notes.setColumnWidth(1, 256 * 14);
            notes.setColumnWidth(2, 256 * 10);
            notes.setColumnWidth(3, 256 * 90);

            int exampleAt = 4 + codes.size();
            notes.createRow(exampleAt).createCell(0).setCellValue(text("imports.template.example"));
            Row exampleHeader = notes.createRow(exampleAt + 1);
            Row example = notes.createRow(exampleAt + 2);
            String[] values = {unitId != null ? unitId : text("imports.template.exampleUnit"),
                    labels.label(CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE, CHINESE),
                    labels.label(SubjectKind.LEGAL_PERSON, CHINESE), EXAMPLE_CODE, text("imports.template.exampleName"),
                    text("imports.template.exampleMatter"), text("imports.template.exampleContent"), today.toString(), "",
                    columns.message("imports.template.exampleLetterNo", new Object[]{Integer.toString(today.getYear())}, "", CHINESE)};
            for (int i = 0; i < codes.size(); i++) {
                exampleHeader.createCell(i).setCellValue(columns.chineseName(codes.get(i)));
                exampleHeader.getCell(i).setCellStyle(header);
                example.createCell(i).setCellValue(values[i]);
                example.getCell(i).setCellStyle(textCells);
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the import template", e);
        }
    }

    private static void dropdown(Sheet sheet, int column, String[] values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint list = helper.createExplicitListConstraint(values);
        DataValidation validation = helper.createValidation(list, new CellRangeAddressList(1, PREPARED_ROWS, column, column));
        validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        validation.setShowErrorBox(true);
        validation.createErrorBox(text("imports.template.invalidTitle"), text("imports.template.invalidText"));
        sheet.addValidationData(validation);
    }

    private static String[] labels(Labels labels, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> labels.label(v, CHINESE)).toArray(String[]::new);
    }

    private static int width(String code) {
        return switch (code) {
            case "subjectCode", "subjectName", "matter", "type", "subjectKind" -> 22;
            case "content" -> 40;
            default -> 14;
        };
    }

    private static String text(String key) {
        return ImportColumns.STANDARD.message(key, null, key, CHINESE);
    }
}
