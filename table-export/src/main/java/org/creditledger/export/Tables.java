package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.creditledger.platform.web.Page;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the rows of an export from what a handler answered, converted with the HTTP answer's own
 * {@link ObjectMapper} (so labels, masking and field names are those of the JSON answer):
 * <ul>
 *   <li>a {@link Page}: every item that matches the request's filter, not only the page asked for — further pages
 *       are read through the same endpoint ({@link PageReader}); more than {@code ledger.export.max-rows} → 400;</li>
 *   <li>a list: one row per item;</li>
 *   <li>a record: see {@link Flattening#record}.</li>
 * </ul>
 */
@Component
class Tables {

    private final ExportSettings settings;
    private final Set<String> omitted = new HashSet<>();

    Tables(ExportSettings settings, List<OmittedColumns> omittedColumns) {
        this.settings = settings;
        omittedColumns.forEach(o -> omitted.addAll(o.paths()));
    }

    Table of(Object answer, ObjectMapper json, HttpServletRequest request) {
        Flattening flattening = new Flattening(omitted);
        int max = settings.maxRows();
        if (answer instanceof Page<?> page) {
            if (page.totalItems() > max) {
                throw new TooManyRows(page.totalItems(), max);
            }
            Table table = new Table(max);
            try {
                if (page.page() == 0 && page.items().size() >= page.totalItems()) {
                    page.items().forEach(item -> table.add(flattening.item(json.valueToTree(item))));
                } else {
                    new PageReader(request, json).forEachItem(item -> table.add(flattening.item(item)));
                }
                return table;
            } catch (RuntimeException e) {
                closeQuietly(table, e);
                throw e;
            }
        }
        if (answer instanceof Collection<?> items) {
            if (items.size() > max) {
                throw new TooManyRows(items.size(), max);
            }
            Table table = new Table(max);
            try {
                items.forEach(item -> table.add(flattening.item(json.valueToTree(item))));
                return table;
            } catch (RuntimeException e) {
                closeQuietly(table, e);
                throw e;
            }
        }
        JsonNode record = json.valueToTree(answer);
        long rows = Flattening.rowCount(record, omitted);
        if (rows > max) {
            throw new TooManyRows(rows, max);
        }
        Table table = new Table(max);
        try {
            flattening.record(record, table::add);
            return table;
        } catch (RuntimeException e) {
            closeQuietly(table, e);
            throw e;
        }
    }

    private static void closeQuietly(Table table, RuntimeException failure) {
        try {
            table.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
