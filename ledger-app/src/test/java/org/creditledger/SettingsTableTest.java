package org.creditledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's settings table and the settings the modules declare cannot drift apart. The declarations are the
 * configuration metadata on this module's test classpath (every module is on it): what the configuration processor
 * writes from each {@code @ConfigurationProperties} record, and what a module describes by hand in
 * {@code additional-spring-configuration-metadata.json} for keys read before the application context exists.
 */
class SettingsTableTest {

    private static final Pattern VARIABLE = Pattern.compile("`(LEDGER_[A-Z0-9_]+)");

    @Test
    void everyLedgerSettingHasItsVariableInTheReadmeTable() throws IOException {
        Set<String> declared = declaredVariables();
        assertThat(declared).as("metadata of platform, command side and query side on the classpath")
                .contains("LEDGER_ACCESS_KEY_CACHE_TTL", "LEDGER_IMPORTS_MAX_ROWS", "LEDGER_CHECK_RECORD_BATCH", "LEDGER_DATA_DIR");

        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(readmeVariables());
        assertThat(missing).as("settings whose variable README's settings table does not name").isEmpty();
    }

    @Test
    void everyVariableTheReadmeTableNamesIsARealSetting() throws IOException {
        Set<String> declared = declaredVariables();
        Set<String> unknown = new TreeSet<>(readmeVariables());
        unknown.removeAll(declared);
        assertThat(unknown).as("variables README's settings table names that no setting declares").isEmpty();
    }

    /** {@code ledger.access.key-cache-ttl} → {@code LEDGER_ACCESS_KEY_CACHE_TTL}, as Spring's relaxed binding reads it. */
    static String variable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Set<String> declaredVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        ClassLoader loader = SettingsTableTest.class.getClassLoader();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(loader.getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith("ledger.")) {
                            variables.add(variable(name));
                        }
                    }
                }
            }
        }
        return variables;
    }

    /** Every backticked {@code LEDGER_…} in the first column of README's settings table ({@code | variable | meaning |}). */
    private static Set<String> readmeVariables() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int header = lines.indexOf("| variable | meaning |");
        assertThat(header).as("README's settings table, headed | variable | meaning |").isNotNegative();
        List<String> firstColumn = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            firstColumn.add(line.substring(1, line.indexOf('|', 1)));
        }
        Set<String> variables = new TreeSet<>();
        for (String cell : firstColumn) {
            Matcher matcher = VARIABLE.matcher(cell);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    /** Tests run in {@code ledger-app/}; README is the repository's. */
    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("ledger-app"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md above " + here);
    }
}
