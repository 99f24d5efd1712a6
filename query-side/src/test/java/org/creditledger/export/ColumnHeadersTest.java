package org.creditledger.export;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every exported column has its header in both languages, and the Chinese one is Chinese. */
class ColumnHeadersTest {

    @Test
    void everyColumnHasAChineseAndAnEnglishHeader() throws IOException {
        Properties zh = load("i18n/columns_zh_CN.properties");
        Properties en = load("i18n/columns_en.properties");
        assertThat(zh).isNotEmpty();
        assertThat(en.keySet()).as("keys of columns_en").containsExactlyInAnyOrderElementsOf(zh.keySet());
        zh.forEach((key, header) -> assertThat((String) header).as((String) key).matches(".*\\p{IsHan}.*"));
        assertThat(zh.keySet()).allSatisfy(key -> assertThat((String) key).startsWith("column."));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ColumnHeadersTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
