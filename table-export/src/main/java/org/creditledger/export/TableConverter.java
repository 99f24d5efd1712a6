package org.creditledger.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.creditledger.platform.i18n.Labels;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Writes what a GET read answers as an Excel sheet or a CSV file when {@code Accept} asks for one. It is the last
 * converter, so JSON stays the answer whenever {@code Accept} allows it.
 */
final class TableConverter implements HttpMessageConverter<Object> {

    private final TableFormat format;
    private final Supplier<ObjectMapper> json;
    private final Tables tables;
    private final Headers headers;

    TableConverter(TableFormat format, MappingJackson2HttpMessageConverter json, Tables tables, Headers headers) {
        this.format = format;
        this.json = json::getObjectMapper;   // read when writing: the label module replaces it after start
        this.tables = tables;
        this.headers = headers;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return (mediaType == null || format.mediaType().isCompatibleWith(mediaType) && !mediaType.isWildcardType())
                && Exportable.type(clazz) && Exportable.currentRequestIsRead();
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(format.mediaType());
    }

    @Override
    public Object read(Class<?> clazz, HttpInputMessage inputMessage) {
        throw new UnsupportedOperationException("exports are written, never read");
    }

    @Override
    public void write(Object answer, MediaType contentType, HttpOutputMessage outputMessage) throws IOException {
        HttpServletRequest request = Exportable.currentRequest();
        Locale locale = Labels.currentLocale();
        try (Table table = tables.of(answer, json.get(), request)) {
            List<String> titles = headers.of(table.columns(), locale);
            TableWriters.Words words = new TableWriters.Words(headers.word("rowNumber", locale), headers.word("yes", locale),
                    headers.word("no", locale), headers.word("sheet", locale));
            outputMessage.getHeaders().setContentType(format == TableFormat.CSV
                    ? new MediaType(format.mediaType(), StandardCharsets.UTF_8) : format.mediaType());
            outputMessage.getHeaders().setContentDisposition(ContentDisposition.attachment()
                    .filename(fileName(request) + "." + format.extension()).build());
            if (format == TableFormat.CSV) {
                TableWriters.csv(table, titles, words, outputMessage.getBody());
            } else {
                TableWriters.xlsx(table, titles, words, outputMessage.getBody());
            }
        }
    }

    /** {@code /api/v1/quota/2025} → {@code quota-2025}. */
    static String fileName(HttpServletRequest request) {
        if (request == null) {
            return "export";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length()).replaceFirst("^/api/v\\d+/", "");
        String name = path.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "export" : name;
    }
}
