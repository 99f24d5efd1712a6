package org.creditledger.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Writes a {@link Table} as an Excel sheet or a CSV file, with a leading 序号 column as office sheets have. */
final class TableWriters {

    /** Rows POI keeps in memory while it writes a sheet; the rest are already in its temporary file. */
    private static final int ROWS_IN_MEMORY = 100;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Digits Excel would read as a number and damage: beyond 15 significant digits, or a leading zero. */
    private static final Pattern DAMAGED_AS_NUMBER = Pattern.compile("\\d{12,}|0\\d+");
    /** A CSV cell Excel would run as a formula. */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private TableWriters() {
    }

    /** The words of the file in the reader's language. */
    record Words(String rowNumber, String yes, String no, String sheet) {
    }

    static void xlsx(Table table, List<String> headers, Words words, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            Sheet sheet = workbook.createSheet(words.sheet());
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

            List<String> columns = table.columns();
            Row first = sheet.createRow(0);
            List<String> titles = new ArrayList<>(headers.size() + 1);
            titles.add(words.rowNumber());
            titles.addAll(headers);
            for (int c = 0; c < titles.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(titles.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.min(60, Math.max(8, titles.get(c).length() * 2 + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);

            int r = 0;
            for (Iterator<ObjectNode> rows = table.rows(); rows.hasNext(); ) {
                ObjectNode values = rows.next();
                Row row = sheet.createRow(++r);
                row.createCell(0).setCellValue(r);
                for (int c = 0; c < columns.size(); c++) {
                    Cells.Cell value = Cells.of(values.get(columns.get(c)));
                    if (value instanceof Cells.Blank) {
                        continue;
                    }
                    Cell cell = row.createCell(c + 1);
                    if (value instanceof Cells.Number n) {
                        cell.setCellValue(n.value().doubleValue());
                    } else if (value instanceof Cells.Bool b) {
                        cell.setCellValue(b.value() ? words.yes() : words.no());
                    } else if (value instanceof Cells.Date d) {
                        cell.setCellValue(d.value());
                        cell.setCellStyle(date);
                    } else if (value instanceof Cells.DateTime t) {
                        cell.setCellValue(t.value());
                        cell.setCellStyle(dateTime);
                    } else if (value instanceof Cells.Text s) {
                        cell.setCellValue(s.value());
                        cell.setCellStyle(text);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    /**
     * RFC 4180 CSV in UTF-8 after a byte-order mark. Two cells are written for Excel rather than as they are: a code
     * of digits Excel would turn into a number ({@code 110101199003078034} → 1.10101E+17) is written
     * {@code ="110101199003078034"}, which Excel shows as the text; a text starting with {@code = + - @} gets a
     * leading {@code '} so Excel does not run it as a formula.
     */
    static void csv(Table table, List<String> headers, Words words, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> titles = new ArrayList<>(headers.size() + 1);
        titles.add(words.rowNumber());
        titles.addAll(headers);
        printer.printRecord(titles);
        List<String> columns = table.columns();
        long r = 0;
        List<String> cells = new ArrayList<>(columns.size() + 1);
        for (Iterator<ObjectNode> rows = table.rows(); rows.hasNext(); ) {
            ObjectNode values = rows.next();
            cells.clear();
            cells.add(Long.toString(++r));
            for (String column : columns) {
                cells.add(csvCell(Cells.of(values.get(column)), words));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static String csvCell(Cells.Cell value, Words words) {
        if (value instanceof Cells.Number n) {
            return n.value().asText();
        }
        if (value instanceof Cells.Bool b) {
            return b.value() ? words.yes() : words.no();
        }
        if (value instanceof Cells.Date d) {
            return d.value().toString();
        }
        if (value instanceof Cells.DateTime t) {
            return t.value().format(DATE_TIME);
        }
        if (value instanceof Cells.Text s) {
            return forExcel(s.value());
        }
        return "";
    }

    static String forExcel(String text) {
        if (DAMAGED_AS_NUMBER.matcher(text).matches()) {
            return "=\"" + text + "\"";
        }
        if (FORMULA.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }
}
