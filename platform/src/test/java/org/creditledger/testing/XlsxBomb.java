package org.creditledger.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A decompression bomb shaped like an XLSX workbook: a valid zip with the parts a reader needs, whose first sheet has
 * one header row and then padding that inflates about 80 times (a random letter every 200 characters, deflated at the
 * fastest level): so {@code inflatedBytes} of 1.2 GB make a file of about 15 MB. The padding is an XML comment, which
 * a naive SAX parser buffers whole (no cell or row limit sees it); or, with {@link #withLongCell}, one cell's text.
 */
public final class XlsxBomb {

    public static final String SHEET = "xl/worksheets/sheet1.xml";

    private XlsxBomb() {
    }

    /**
     * @param lieAboutSize when true, the zip's central directory declares the sheet no larger than its compressed
     *                     bytes, so only a reader that counts what it inflates can tell
     */
    public static byte[] build(long inflatedBytes, String header, boolean lieAboutSize) {
        return build(inflatedBytes, header, lieAboutSize, false);
    }

    /** A small workbook whose row 2 has one cell of {@code chars} characters. */
    public static byte[] withLongCell(int chars, String header) {
        return build(chars, header, false, true);
    }

    private static byte[] build(long inflatedBytes, String header, boolean lieAboutSize, boolean inCell) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, inflatedBytes / 70));
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="承诺书" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry(SHEET));
            StringBuilder start = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
            String[] columns = header.split(",");
            for (int i = 0; i < columns.length; i++) {
                start.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"inlineStr\"><is><t>").append(columns[i]).append("</t></is></c>");
            }
            start.append(inCell ? "</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" : "</row><!--");
            zip.write(start.toString().getBytes(StandardCharsets.UTF_8));
            byte[] padding = padding();
            for (long written = 0; written < inflatedBytes; written += padding.length) {
                zip.write(padding, 0, (int) Math.min(padding.length, inflatedBytes - written));
            }
            zip.write((inCell ? "</t></is></c></row>" : "-->").getBytes(StandardCharsets.UTF_8));
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = bytes.toByteArray();
        if (lieAboutSize) {
            declareSheetAsSmall(zip);
        }
        return zip;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] padding() {
        byte[] block = new byte[1 << 20];
        Random random = new Random(42);
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i % 200 == 0 ? 'a' + random.nextInt(16) : 'x');
        }
        return block;
    }

    /** A copy of {@code honest} whose central directory declares the sheet no larger than its compressed bytes. */
    public static byte[] lyingAboutSize(byte[] honest) {
        byte[] copy = honest.clone();
        declareSheetAsSmall(copy);
        return copy;
    }

    /** Sets the sheet's uncompressed size in the central directory to its compressed size. */
    private static void declareSheetAsSmall(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = SHEET.getBytes(StandardCharsets.UTF_8);
        for (int at = zip.length - 46; at >= 0; at--) {
            if (buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == name.length
                    && new String(zip, at + 46, name.length, StandardCharsets.UTF_8).equals(SHEET)) {
                buffer.putInt(at + 24, buffer.getInt(at + 20));
                return;
            }
        }
        throw new IllegalStateException("no central directory entry for " + SHEET);
    }
}
