package org.creditledger.commitment.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the rows of an import file: CSV (header row, optional BOM) through Commons CSV, or XLSX (first sheet,
 * header row first) through POI's streaming SAX reader, so 100,000 rows never become a DOM. Both read from a file on
 * disk, never from the whole file in memory. The format is detected from the content: an XLSX file is a zip and
 * starts with {@code PK}. A CSV is UTF-8 if the whole file decodes as strict UTF-8, else GB18030 (a superset of
 * GBK, what Chinese Excel writes for "CSV (逗号分隔)").
 * <p>An XLSX file is opened with POI's zip limits ({@link ImportsConfiguration}: entry size, inflate ratio, entry
 * count); of its parts only the first sheet, the shared strings and the styles (for date cells) are read, with a
 * budget on the shared strings' text and on any one cell's text. A problem is reported with a fixed text; what POI,
 * the XML parser or Commons CSV said is never shown to the uploader.
 * <p>Header cells name columns as {@link ImportColumns} allows (code, Chinese name, alias). Each row has its
 * {@code row} (1-based data rows, header excluded: for CSV the n-th non-empty record, for XLSX the sheet row minus
 * the header row) and its {@code line} (the sheet's line: for CSV the record number, for XLSX the row number as
 * Excel shows it; blank lines counted). Rows whose cells are all blank are skipped. Date cells of an XLSX sheet are
 * given as {@code YYYY-MM-DD}; text cells are given as typed; a number cell in a code column is flagged on the row.
 */
public final class ImportFileReader {

    private static final Logger log = LoggerFactory.getLogger(ImportFileReader.class);

    /** The columns, in the order of {@link ImportRow}: the JSON body of {@code POST /commitments} flattened, then letterNo. */
    public static final List<String> COLUMNS = ImportColumns.CODES;
    /** Excel's own limit on the text of one cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Styles are a few kilobytes in real workbooks; they are read as a DOM, so they get a small budget of their own. */
    static final long MAX_STYLES_BYTES = 8L * 1024 * 1024;
    /** Below this uncompressed size a part's inflate ratio is not judged (POI's grace size). */
    static final long GRACE_ENTRY_SIZE = 100_000;

    static final String NOT_XLSX = "the file is not a readable XLSX workbook";
    static final String NOT_TEXT = "the file is neither XLSX nor CSV text in UTF-8 or GB18030/GBK";
    static final String NOT_CSV = "the file is not valid CSV (look for an unclosed quote)";
    static final String TOO_LARGE_WHEN_INFLATED = "the workbook inflates beyond the import limits (a part too large, "
            + "too highly compressed, or too many parts); save it again from Excel or as CSV";

    public enum Format { CSV, XLSX }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private ImportFileReader() {
    }

    public static Format detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && start[0] == 'P' && start[1] == 'K' ? Format.XLSX : Format.CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checks that are cheap enough for the upload request: not empty; for CSV a readable header naming the
     * required columns and at least one data row; for XLSX a zip directory within the limits (its entry count and,
     * as declared, each entry's size and inflate ratio; the declared sizes are checked again while reading).
     *
     * @throws UnreadableImportFile for a file that can never be imported
     */
    public static void precheck(Path file, ImportsProperties limits) {
        precheck(file, limits, ImportColumns.STANDARD);
    }

    /** {@link #precheck(Path, ImportsProperties)} for a file of {@code columns}. */
    static void precheck(Path file, ImportsProperties limits, ImportColumns columns) {
        if (size(file) == 0) {
            throw new UnreadableImportFile("the file is empty");
        }
        if (detect(file) == Format.XLSX) {
            checkZipDirectory(file, limits);
            return;
        }
        try {
            readCsv(file, columns, row -> {
                throw new StopReading();
            });
        } catch (StopReading firstDataRow) {
            return;
        }
        throw new UnreadableImportFile("the file has a header but no data rows");
    }

    /**
     * Streams every non-blank data row to {@code rows}, in file order.
     *
     * @throws UnreadableImportFile for whole-file problems: empty, not UTF-8, malformed CSV, unreadable XLSX,
     *                              over the XLSX limits, missing required columns
     */
    public static void read(Path file, ImportsProperties limits, Consumer<ImportRow> rows) {
        read(file, limits, ImportColumns.STANDARD, row -> rows.accept(ImportRow.of(row)));
    }

    /** {@link #read(Path, ImportsProperties, Consumer)} for a file of {@code columns}, any kind of import. */
    static void read(Path file, ImportsProperties limits, ImportColumns columns, Consumer<SheetRow> rows) {
        if (size(file) == 0) {
            throw new UnreadableImportFile("the file is empty");
        }
        if (detect(file) == Format.XLSX) {
            readXlsx(file, limits, columns, rows);
        } else {
            readCsv(file, columns, rows);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- CSV

    private static void readCsv(Path file, ImportColumns table, Consumer<SheetRow> rows) {
        // empty lines are records here, so that the line numbers are the sheet's
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        CharsetDecoder decoder = charsetOf(file).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader text = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 64 * 1024)) {
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset(); // no byte order mark (Excel writes one in front of "CSV UTF-8")
            }
            CSVParser parser = CSVParser.parse(text, format);
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = null;
            while (records.hasNext() && (header == null || emptyLine(header))) {
                header = records.next(); // blank lines above the header are passed over, and counted
            }
            if (header == null || emptyLine(header)) {
                throw new UnreadableImportFile("the file has no header row");
            }
            int[] columns = table.indexes(header.toList());
            int row = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (emptyLine(record)) {
                    continue;
                }
                row++;
                String[] cells = new String[table.codes().size()];
                for (int i = 0; i < cells.length; i++) {
                    int at = columns[i];
                    cells[i] = at >= 0 && at < record.size() ? blankToNull(record.get(at)) : null;
                }
                if (!allBlank(cells)) {
                    rows.accept(new SheetRow(row, Math.toIntExact(record.getRecordNumber()), byCode(table, cells), List.of()));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw csvProblem(e);
        } catch (IOException e) {
            throw csvProblem(e);
        }
    }

    /** A line with nothing on it (not even a comma). */
    private static boolean emptyLine(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /** UTF-8 if the whole file is strict UTF-8 (with or without BOM), else GB18030, which includes GBK. */
    static Charset charsetOf(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader text = new InputStreamReader(Files.newInputStream(file), utf8)) {
            char[] buffer = new char[64 * 1024];
            while (text.read(buffer) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return GB18030;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UnreadableImportFile csvProblem(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new UnreadableImportFile(NOT_TEXT);
            }
        }
        log.info("Import file refused as malformed CSV", e);
        return new UnreadableImportFile(NOT_CSV);
    }

    // ---------------------------------------------------------------- XLSX

    private static void checkZipDirectory(Path file, ImportsProperties limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxFileCount()) {
                throw new UnreadableImportFile(TOO_LARGE_WHEN_INFLATED);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                boolean tooLarge = size > limits.maxEntrySize().toBytes();
                boolean tooCompressed = size > GRACE_ENTRY_SIZE && compressed >= 0
                        && (double) compressed / size < limits.minInflateRatio();
                if (tooLarge || tooCompressed) {
                    log.info("Import file refused: zip entry {} declares {} bytes from {} compressed", entry.getName(), size, compressed);
                    throw new UnreadableImportFile(TOO_LARGE_WHEN_INFLATED);
                }
            }
        } catch (IOException e) {
            log.info("Import file refused: not a zip", e);
            throw new UnreadableImportFile(NOT_XLSX);
        }
    }

    private static void readXlsx(Path file, ImportsProperties limits, ImportColumns table, Consumer<SheetRow> rows) {
        SheetRows sheetRows = new SheetRows(table, rows);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = CappedSharedStrings.of(pkg, limits.maxTextSize());
            StylesTable styles = styles(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableImportFile("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new CappedCellText(new XSSFSheetXMLHandler(styles, null, strings, sheetRows,
                        new IsoDateFormatter(), false), sheetRows));
                parser.parse(new InputSource(sheet));
            }
        } catch (UnreadableImportFile | StopReading e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnreadableImportFile unreadable) {
                throw unreadable;
            }
            if (sheetRows.delivered && !(e instanceof POIXMLException) && !(e instanceof OpenXML4JRuntimeException)) {
                throw e; // the consumer failed, not the file
            }
            throw xlsxProblem(e);
        } catch (Exception e) {
            throw xlsxProblem(e);
        }
        if (!sheetRows.sawHeader) {
            throw new UnreadableImportFile("the file has no header row");
        }
    }

    /** The styles part (number formats tell date cells apart), read within {@link #MAX_STYLES_BYTES}; null if absent. */
    private static StylesTable styles(OPCPackage pkg) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new CappedInputStream(parts.get(0).getInputStream(), MAX_STYLES_BYTES)) {
            return new StylesTable(in);
        }
    }

    private static UnreadableImportFile xlsxProblem(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableImportFile unreadable) {
                return unreadable;
            }
            // POI's ZipArchiveThresholdInputStream and ZipPackage say so in their messages; they have no own type
            String message = cause.getMessage();
            if (message != null && (message.startsWith("Zip bomb detected") || message.startsWith("The file appears to be potentially malicious"))) {
                log.warn("Import file refused by the XLSX zip limits", e);
                return new UnreadableImportFile(TOO_LARGE_WHEN_INFLATED);
            }
        }
        log.info("Import file refused as unreadable XLSX", e);
        return new UnreadableImportFile(NOT_XLSX);
    }

    /**
     * Passes the sheet's SAX events on, refusing any one text run (a cell's value) longer than Excel allows, and
     * telling {@link SheetRows} which cells are numbers (no {@code t} attribute, or {@code t="n"}): POI's handler
     * gives only the formatted text, in which a lost digit no longer shows.
     */
    private static final class CappedCellText extends XMLFilterImpl {
        private final SheetRows rows;
        private long run;

        CappedCellText(ContentHandler sheet, SheetRows rows) {
            setContentHandler(sheet);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            run = 0;
            if ("c".equals(localName)) {
                String type = atts.getValue("t");
                String reference = atts.getValue("r");
                if ((type == null || "n".equals(type)) && reference != null) {
                    rows.numberCell(new CellReference(reference).getCol());
                }
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            run = 0;
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            run += length;
            if (run > MAX_CELL_CHARS) {
                throw new UnreadableImportFile("a cell holds more than " + MAX_CELL_CHARS + " characters, more than Excel allows");
            }
            super.characters(ch, start, length);
        }
    }

    /**
     * POI's read-only shared strings table with a budget: the strings are held in memory, so their text (each
     * string counted with a small overhead) may not exceed {@code ledger.imports.max-text-size} characters.
     */
    private static final class CappedSharedStrings extends ReadOnlySharedStringsTable {
        private static final int OVERHEAD_PER_STRING = 16;
        private final long maxChars;
        private long chars;

        private CappedSharedStrings(long maxChars) throws IOException, SAXException {
            super(InputStream.nullInputStream(), false); // parses nothing; readFrom below does, once maxChars is set
            this.maxChars = maxChars;
        }

        static SharedStrings of(OPCPackage pkg, long maxChars) throws IOException, SAXException {
            CappedSharedStrings strings = new CappedSharedStrings(maxChars);
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            if (!parts.isEmpty()) {
                try (InputStream in = parts.get(0).getInputStream()) {
                    strings.readFrom(in);
                }
            }
            return strings;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if ("si".equals(localName)) {
                count(OVERHEAD_PER_STRING);
            }
            super.startElement(uri, localName, name, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            count(length);
            super.characters(ch, start, length);
        }

        private void count(int more) {
            chars += more;
            if (chars > maxChars) {
                throw new UnreadableImportFile("the shared strings of the workbook hold more than " + maxChars + " characters");
            }
        }
    }

    /** Ends a stream with an error past {@code max} bytes, instead of reading on. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long max;
        private long read;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            if (read > max) {
                throw new UnreadableImportFile(TOO_LARGE_WHEN_INFLATED);
            }
        }
    }

    /** Collects the cells of each sheet row and hands complete rows on. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final ImportColumns table;
        private final Consumer<SheetRow> rows;
        private int headerRow = -1;
        private int[] columns;
        private String[] rawCells = new String[16];
        private boolean[] numberCells = new boolean[16];
        private boolean sawHeader;
        private boolean delivered;

        SheetRows(ImportColumns table, Consumer<SheetRow> rows) {
            this.table = table;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(rawCells, null);
            Arrays.fill(numberCells, false);
        }

        void numberCell(int col) {
            if (col >= numberCells.length) {
                numberCells = Arrays.copyOf(numberCells, Math.max(col + 1, numberCells.length * 2));
            }
            numberCells[col] = true;
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
                columns = table.indexes(header);
                headerRow = rowNum;
                sawHeader = true;
                return;
            }
            List<String> codes = table.codes();
            String[] cells = new String[codes.size()];
            List<String> numbers = new ArrayList<>(1);
            for (int i = 0; i < cells.length; i++) {
                int at = columns[i];
                cells[i] = at >= 0 && at < rawCells.length ? blankToNull(rawCells[at]) : null;
                if (cells[i] != null && at < numberCells.length && numberCells[at] && table.isCodeColumn(codes.get(i))) {
                    numbers.add(codes.get(i));
                }
            }
            if (!allBlank(cells)) {
                delivered = true;
                rows.accept(new SheetRow(rowNum - headerRow, rowNum + 1, byCode(table, cells), numbers));
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The non-blank cells by column code. */
    private static java.util.Map<String, String> byCode(ImportColumns table, String[] cells) {
        java.util.Map<String, String> byCode = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                byCode.put(table.codes().get(i), cells[i]);
            }
        }
        return byCode;
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
