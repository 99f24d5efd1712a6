package org.creditledger.commitment.imports;

import org.creditledger.platform.web.RootCause;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the rows of an import file: CSV (UTF-8, header row, optional BOM) through Commons CSV, or XLSX (first sheet,
 * header row first) through POI's streaming SAX reader, so 100,000 rows never become a DOM. The format is detected
 * from the content: an XLSX file is a zip and starts with {@code PK}.
 * <p>Row numbers are 1-based data rows, the header excluded: for CSV the n-th data record, for XLSX the sheet row
 * minus the header row (Excel row 2 is row 1). Rows whose cells are all blank are skipped. Date cells of an XLSX
 * sheet are given as {@code YYYY-MM-DD}; text cells are given as typed.
 */
public final class ImportFileReader {

    /** The columns, in the order of {@link ImportRow}: the JSON body of {@code POST /commitments} flattened. */
    public static final List<String> COLUMNS = List.of("unitId", "type", "subjectKind", "subjectCode", "subjectName",
            "matter", "content", "signedOn", "dueDate");
    static final List<String> OPTIONAL_COLUMNS = List.of("dueDate");

    public enum Format { CSV, XLSX }

    private ImportFileReader() {
    }

    public static Format detect(byte[] content) {
        return content.length >= 2 && content[0] == 'P' && content[1] == 'K' ? Format.XLSX : Format.CSV;
    }

    /**
     * Streams every non-blank data row to {@code rows}, in file order.
     *
     * @throws UnreadableImportFile for whole-file problems: empty, not UTF-8, malformed CSV, unreadable XLSX,
     *                              missing required columns
     */
    public static void read(byte[] content, Consumer<ImportRow> rows) {
        if (content.length == 0) {
            throw new UnreadableImportFile("the file is empty");
        }
        if (detect(content) == Format.XLSX) {
            readXlsx(content, rows);
        } else {
            readCsv(content, rows);
        }
    }

    // ---------------------------------------------------------------- CSV

    private static void readCsv(byte[] content, Consumer<ImportRow> rows) {
        String text = utf8(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // the byte order mark Excel writes in front of "CSV UTF-8"
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableImportFile("the file has no header row");
            }
            int[] columns = columnIndexes(records.next().toList());
            int row = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                row++;
                String[] cells = new String[COLUMNS.size()];
                for (int i = 0; i < cells.length; i++) {
                    int at = columns[i];
                    cells[i] = at >= 0 && at < record.size() ? blankToNull(record.get(at)) : null;
                }
                if (!allBlank(cells)) {
                    rows.accept(ImportRow.of(row, cells));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableImportFile("the file is not valid CSV (" + RootCause.message(e) + ")");
        } catch (IOException e) {
            throw new UnreadableImportFile("the file is not valid CSV (" + RootCause.message(e) + ")");
        }
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableImportFile("the file is neither XLSX nor UTF-8 text; save the CSV as \"CSV UTF-8\"");
        }
    }

    // ---------------------------------------------------------------- XLSX

    private static void readXlsx(byte[] content, Consumer<ImportRow> rows) {
        SheetRows sheetRows = new SheetRows(rows);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableImportFile("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, sheetRows, new IsoDateFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (UnreadableImportFile | StopReading e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof UnreadableImportFile unreadable) {
                throw unreadable;
            }
            if (sheetRows.delivered) {
                throw e; // the consumer failed, not the file
            }
            throw new UnreadableImportFile("the file is not a readable XLSX workbook (" + RootCause.message(e) + ")");
        } catch (Exception e) {
            throw new UnreadableImportFile("the file is not a readable XLSX workbook (" + RootCause.message(e) + ")");
        }
        if (!sheetRows.sawHeader) {
            throw new UnreadableImportFile("the file has no header row");
        }
    }

    /** Collects the cells of each sheet row and hands complete rows on. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<ImportRow> rows;
        private int headerRow = -1;
        private int[] columns;
        private String[] rawCells = new String[16];
        private boolean sawHeader;
        private boolean delivered;

        SheetRows(Consumer<ImportRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(rawCells, null);
        }

        @Override
        public void cell(String cellReference, String formattedValue, org.apache.poi.xssf.usermodel.XSSFComment comment) {
            int col = new CellReference(cellReference).getCol();
            if (col >= rawCells.length) {
                rawCells = Arrays.copyOf(rawCells, Math.max(col + 1, rawCells.length * 2));
            }
            rawCells[col] = formattedValue;
        }

        @Override
        public void endRow(int rowNum) {
            if (!sawHeader) {
                List<String> header = new ArrayList<>();
                for (String cell : rawCells) {
                    header.add(cell == null ? "" : cell);
                }
                if (header.stream().allMatch(String::isBlank)) {
                    return; // leading blank rows before the header
                }
                columns = columnIndexes(header);
                headerRow = rowNum;
                sawHeader = true;
                return;
            }
            String[] cells = new String[COLUMNS.size()];
            for (int i = 0; i < cells.length; i++) {
                int at = columns[i];
                cells[i] = at >= 0 && at < rawCells.length ? blankToNull(rawCells[at]) : null;
            }
            if (!allBlank(cells)) {
                delivered = true;
                rows.accept(ImportRow.of(rowNum - headerRow, cells));
            }
        }
    }

    /** Formats date-formatted numeric cells as ISO dates, whatever display format the sheet gave them. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    // ---------------------------------------------------------------- shared

    /** Thrown by a row consumer to stop reading early (e.g. shutdown); passes through unchanged. */
    public static final class StopReading extends RuntimeException {
        public StopReading() {
            super(null, null, false, false);
        }
    }

    /** Maps each of {@link #COLUMNS} to its position in the header (-1: absent), or refuses a header that lacks required ones. */
    private static int[] columnIndexes(List<String> header) {
        int[] indexes = new int[COLUMNS.size()];
        Arrays.fill(indexes, -1);
        for (int at = 0; at < header.size(); at++) {
            String name = header.get(at) == null ? "" : header.get(at).strip();
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (COLUMNS.get(i).equalsIgnoreCase(name) && indexes[i] < 0) {
                    indexes[i] = at;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (indexes[i] < 0 && !OPTIONAL_COLUMNS.contains(COLUMNS.get(i))) {
                missing.add(COLUMNS.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableImportFile("missing required columns: " + String.join(", ", missing)
                    + " (the header row must name " + String.join(",", COLUMNS) + "; dueDate is optional)");
        }
        return indexes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean allBlank(String[] cells) {
        for (String cell : cells) {
            if (cell != null) {
                return false;
            }
        }
        return true;
    }

}
