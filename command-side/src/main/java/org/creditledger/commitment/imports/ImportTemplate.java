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
import org.creditledger.commitment.api.Outcome;
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
import java.util.Map;
import java.util.Set;

/**
 * An import template, one per {@link ImportKind}. The letter template: a sheet {@code 承诺书} with the columns'
 * Chinese names as its header, code columns formatted as text ({@code @}) so Excel keeps every digit, dropdowns with
 * the Chinese labels of the commitment types and subject kinds, and a sheet {@code 填写说明} that explains each column
 * and shows one example row with a valid code. The outcome template likewise, with a dropdown of 履约/违约.
 * The example stands on the notes sheet, not among the rows to import: a clerk who forgets to delete it must not
 * post a letter for a subject that never signed one, or an outcome no one saw (neither can be taken back).
 * Texts are the table's {@code <prefix>template.*} ({@link ImportColumns#templateText}).
 */
final class ImportTemplate {

    private static final Locale CHINESE = I18nConfiguration.DEFAULT_LOCALE;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows below the header that get the dropdowns and the column formats. */
    static final int PREPARED_ROWS = 10_000;
    /** A valid 统一社会信用代码 of a legal person (credit-rules fixtures). */
    static final String EXAMPLE_CODE = "91110108MA01R7K44D";

    /** The example row of a template, in its columns' order. */
    private interface Example {
        String[] values(ImportColumns columns, Labels labels, String unitId, LocalDate today);
    }

    static final ImportTemplate LETTERS = new ImportTemplate(ImportColumns.STANDARD, Set.of("signedOn", "dueDate"),
            Map.of("type", CommitmentType.values(), "subjectKind", SubjectKind.values()),
            Map.of("subjectCode", 22, "subjectName", 22, "matter", 22, "type", 22, "subjectKind", 22, "content", 40),
            (columns, labels, unitId, today) -> new String[]{unitId != null ? unitId : columns.templateText("exampleUnit"),
                    labels.label(CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE, CHINESE),
                    labels.label(SubjectKind.LEGAL_PERSON, CHINESE), EXAMPLE_CODE, columns.templateText("exampleName"),
                    columns.templateText("exampleMatter"), columns.templateText("exampleContent"), today.toString(), "",
                    columns.message("imports.template.exampleLetterNo", new Object[]{Integer.toString(today.getYear())}, "", CHINESE)});

    static final ImportTemplate OUTCOMES = new ImportTemplate(ImportColumns.OUTCOMES, Set.of("occurredOn"),
            Map.of("outcome", Outcome.values()),
            Map.of("commitmentId", 38, "letterNo", 22, "note", 40),
            (columns, labels, unitId, today) -> new String[]{"",
                    columns.message("imports.outcomes.template.exampleLetterNo", new Object[]{Integer.toString(today.getYear())}, "", CHINESE),
                    unitId != null ? unitId : columns.templateText("exampleUnit"),
                    labels.label(Outcome.FULFILLED, CHINESE), today.toString(), columns.templateText("exampleNote")});

    private final ImportColumns columns;
    private final Set<String> dateColumns;
    private final Map<String, Enum<?>[]> dropdowns;
    private final Map<String, Integer> widths;
    private final Example example;

    private ImportTemplate(ImportColumns columns, Set<String> dateColumns, Map<String, Enum<?>[]> dropdowns,
                           Map<String, Integer> widths, Example example) {
        this.columns = columns;
        this.dateColumns = dateColumns;
        this.dropdowns = dropdowns;
        this.widths = widths;
        this.example = example;
    }

    /** The name the download is saved as. */
    String fileName() {
        return columns.templateText("file");
    }

    byte[] build(Labels labels, String unitId, LocalDate today) {
        List<String> codes = columns.codes();
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

            Sheet rows = workbook.createSheet(columns.templateText("sheet"));
            Row names = rows.createRow(0);
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                names.createCell(i).setCellValue(columns.chineseName(code));
                names.getCell(i).setCellStyle(header);
                rows.setDefaultColumnStyle(i, dateColumns.contains(code) ? dateCells : textCells);
                rows.setColumnWidth(i, 256 * widths.getOrDefault(code, 14));
            }
            rows.createFreezePane(0, 1);
            for (String code : codes) {
                if (dropdowns.containsKey(code)) {
                    dropdown(rows, codes.indexOf(code), labels(labels, dropdowns.get(code)));
                }
            }

            Sheet notes = workbook.createSheet(columns.templateText("notesSheet"));
            notes.createRow(0).createCell(0).setCellValue(columns.templateText("notes.title"));
            Row notesHeader = notes.createRow(2);
            String[] noteColumns = columns.templateText("notes.header").split(",");
            for (int i = 0; i < noteColumns.length; i++) {
                notesHeader.createCell(i).setCellValue(noteColumns[i]);
                notesHeader.getCell(i).setCellStyle(header);
            }
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                Row note = notes.createRow(3 + i);
                note.createCell(0).setCellValue(columns.chineseName(code));
                note.createCell(1).setCellValue(code);
                note.createCell(2).setCellValue(columns.templateText(columns.isOptional(code) ? "optional" : "required"));
                note.createCell(3).setCellValue(columns.templateText("note." + code));
            }
            notes.setColumnWidth(0, 256 * 14);
            notes.setColumnWidth(1, 256 * 14);
            notes.setColumnWidth(2, 256 * 10);
            notes.setColumnWidth(3, 256 * 90);

            int exampleAt = 4 + codes.size();
            notes.createRow(exampleAt).createCell(0).setCellValue(columns.templateText("example"));
            Row exampleHeader = notes.createRow(exampleAt + 1);
            Row exampleRow = notes.createRow(exampleAt + 2);
            String[] values = example.values(columns, labels, unitId, today);
            for (int i = 0; i < codes.size(); i++) {
                exampleHeader.createCell(i).setCellValue(columns.chineseName(codes.get(i)));
                exampleHeader.getCell(i).setCellStyle(header);
                exampleRow.createCell(i).setCellValue(values[i]);
                exampleRow.getCell(i).setCellStyle(textCells);
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the import template", e);
        }
    }

    private void dropdown(Sheet sheet, int column, String[] values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint list = helper.createExplicitListConstraint(values);
        DataValidation validation = helper.createValidation(list, new CellRangeAddressList(1, PREPARED_ROWS, column, column));
        validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        validation.setShowErrorBox(true);
        validation.createErrorBox(columns.templateText("invalidTitle"), columns.templateText("invalidText"));
        sheet.addValidationData(validation);
    }

    private static String[] labels(Labels labels, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> labels.label(v, CHINESE)).toArray(String[]::new);
    }
}
