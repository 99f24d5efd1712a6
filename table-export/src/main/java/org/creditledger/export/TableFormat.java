package org.creditledger.export;

import org.springframework.http.MediaType;

/** The two file formats a read can be exported in, chosen by the request's {@code Accept}. */
public enum TableFormat {
    /** An Excel workbook of one sheet (Office Open XML). */
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx"),
    /** RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens it with Chinese intact. */
    CSV(MediaType.parseMediaType("text/csv"), "csv");

    private final MediaType mediaType;
    private final String extension;

    TableFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
