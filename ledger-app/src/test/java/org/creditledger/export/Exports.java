package org.creditledger.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditledger.testing.Api;
import org.springframework.http.HttpMethod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fetches exports over HTTP and opens them the way a clerk's tools do: POI for the sheet, Commons CSV for the CSV. */
final class Exports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private Exports() {
    }

    static Api.Response fetch(Api caller, String path, String mediaType, String language) {
        return caller.exchange(HttpMethod.GET, path, null, h -> {
            h.set("Accept", mediaType);
            if (language != null) {
                h.set("Accept-Language", language);
            }
        });
    }

    /** The CSV's records, header first; asserts the BOM Excel needs to read UTF-8. */
    static List<CSVRecord> csv(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(Arrays.copyOf(response.body(), 3)).as("UTF-8 byte-order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(response.body(), 3, response.body().length - 3, StandardCharsets.UTF_8);
        try {
            return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> values(CSVRecord record) {
        return record.toList();
    }

    static Sheet xlsx(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(XLSX);
        assertThat(response.headers().getContentDisposition().getFilename()).endsWith(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            return workbook.getSheetAt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        for (Cell cell : sheet.getRow(0)) {
            headers.add(cell.getStringCellValue());
        }
        return headers;
    }

    /** The cell under {@code header} in data row {@code row} (1 = first row under the header); null when blank. */
    static Cell cell(Sheet sheet, int row, String header) {
        int column = headers(sheet).indexOf(header);
        assertThat(column).as("column " + header + " in " + headers(sheet)).isNotNegative();
        Row data = sheet.getRow(row);
        return data == null ? null : data.getCell(column);
    }

    static String cell(List<CSVRecord> csv, int row, String header) {
        int column = values(csv.get(0)).indexOf(header);
        assertThat(column).as("column " + header + " in " + values(csv.get(0))).isNotNegative();
        return csv.get(row).get(column);
    }

    /** Chinese headers: every column has one from the bundle (a missing one would show its ASCII JSON path). */
    static void assertChineseHeaders(List<String> headers) {
        assertThat(headers).isNotEmpty().allSatisfy(h -> assertThat(h).as("header %s of %s", h, headers)
                .matches(".*\\p{IsHan}.*"));
        assertThat(headers.get(0)).isEqualTo("序号");
    }
}
