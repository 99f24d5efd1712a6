package org.creditledger.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The words a person reads above each column: {@code column.<JSON path>} of the {@code i18n/columns} bundles, with
 * list positions as arguments ({@code column.quarters[].letters=第{0}季度承诺书}), and the few words of the file
 * itself ({@code export.*}). A column without a header is exported under its JSON path, and a warning names the key
 * to add; the export tests fail on it.
 */
@Component
class Headers {

    private static final Logger log = LoggerFactory.getLogger(Headers.class);

    private final MessageSource messages;

    Headers(MessageSource messages) {
        this.messages = messages;
    }

    List<String> of(List<String> columns, Locale locale) {
        return columns.stream().map(path -> header(path, locale)).toList();
    }

    String word(String key, Locale locale) {
        return messages.getMessage("export." + key, null, key, locale);
    }

    private String header(String path, Locale locale) {
        String key = "column." + Flattening.headerKey(path);
        String header = messages.getMessage(key, Flattening.headerArguments(path), null, locale);
        if (header == null) {
            log.warn("Exported column {} has no header; add {} to i18n/columns_zh_CN.properties and columns_en.properties", path, key);
            return path;
        }
        return header;
    }
}
