package org.creditledger.console.counter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counter's batch in and out of a sheet. In: the subject codes of an uploaded file — an Excel sheet (first column of
 * the first sheet) or a text/CSV file (first field of each line, UTF-8 or GB18030) — skipping a header and blank
 * lines; the API checks each code and says what is wrong with it. Out: the results as an Excel sheet, every cell text
 * (an 18-digit code must not become a number).
 */
final class BatchSheets {

    /** More than one batch may hold: the API refuses over 1,000, and the page says so. */
    static final int MAX_CODES = 1001;

    private BatchSheets() {
    }

    static List<String> codes(String fileName, byte[] content) throws IOException {
        List<String> cells = new ArrayList<>();
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            try (Workbook workbook = WorkbookFactory.create(new java.io.ByteArrayInputStream(content))) {
                DataFormatter text = new DataFormatter();
                for (Row row : workbook.getSheetAt(0)) {
                    Cell first = row.getCell(0);
                    cells.add(first == null ? "" : text.formatCellValue(first));
                    if (cells.size() > MAX_CODES + 1) {
                        break;
                    }
                }
            }
        } else {
            String all = decode(content);
            for (String line : all.split("\\R")) {
                cells.add(line.split("[,，;；\\t]")[0]);
            }
        }
        List<String> codes = new ArrayList<>(cells.stream()
                .map(cell -> cell.replace("\uFEFF", "").replace("=\"", "").replace("\"", "").strip())
                .filter(cell -> !cell.isEmpty())
                .limit(MAX_CODES + 1)
                .toList());
        if (!codes.isEmpty() && codes.get(0).chars().noneMatch(Character::isDigit)) {
            codes.remove(0); // a header such as 主体代码
        }
        return codes.size() > MAX_CODES ? codes.subList(0, MAX_CODES) : codes;
    }

    /** UTF-8 when the bytes are UTF-8, else GB18030 (what Excel on a Chinese Windows saves as CSV). */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    /** One sheet: a bold header row, then the rows, every cell text. */
    static byte[] xlsx(String sheetName, List<String> headers, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            write(sheet.createRow(0), headers, bold);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i), text);
            }
            for (int column = 0; column < headers.size(); column++) {
                sheet.setColumnWidth(column, column == 1 || column == 5 ? 40 * 256 : 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, List<String> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellStyle(style);
            cell.setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
    }

    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }
}
