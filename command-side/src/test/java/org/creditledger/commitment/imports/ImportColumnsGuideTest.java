package org.creditledger.commitment.imports;

import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.subject.SubjectKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit-clerk guide publishes the import's column names and value short forms: its tables say what the bundle says. */
class ImportColumnsGuideTest {

    static final Path GUIDE = Path.of("../api-docs/guides/unit-clerk.md");

    /**
     * The table rows of the guide's "### Columns" section (the letter import's columns and value short forms) that
     * start with a code in backquotes, by code: the rest of their cells. Other sections hold tables of their own with
     * the same codes (the 双公示 fields name {@code unitId} too).
     */
    static Map<String, List<String>> tableRows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inColumns = false;
        for (String line : Files.readAllLines(GUIDE)) {
            if (line.startsWith("#")) {
                inColumns = line.equals("### Columns");
            } else if (inColumns && line.startsWith("| `")) {
                List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
                rows.put(cells.get(0).replace("`", ""), cells.subList(1, cells.size()));
            }
        }
        return rows;
    }

    static List<String> listed(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void theGuidesColumnTableListsEveryNameTheImportAccepts() throws IOException {
        Map<String, List<String>> rows = tableRows();
        ImportColumns columns = ImportColumns.STANDARD;
        for (String code : ImportColumns.CODES) {
            assertThat(rows).as("guide row for %s", code).containsKey(code);
            List<String> row = rows.get(code);
            assertThat(row.get(0)).isEqualTo(columns.chineseName(code));
            assertThat(listed(row.get(1))).as(code).containsExactlyElementsOf(columns.aliases(code));
            assertThat(row.get(2)).isEqualTo(ImportColumns.OPTIONAL.contains(code) ? "no" : "yes");
        }
    }

    @Test
    void theGuidesValueTableListsEveryLabelAndShortForm() throws IOException {
        Map<String, List<String>> rows = tableRows();
        var labels = ImportFileReaderTest.LABELS;
        for (Enum<?>[] values : List.<Enum<?>[]>of(CommitmentType.values(), SubjectKind.values())) {
            for (Enum<?> value : values) {
                List<String> row = rows.get(value.name());
                assertThat(row).as("guide row for %s", value).isNotNull();
                assertThat(row.get(0)).isEqualTo(labels.label(value, Locale.SIMPLIFIED_CHINESE));
                String aliases = columns().message("imports.alias." + value.getDeclaringClass().getSimpleName() + "." + value.name(),
                        null, "", Locale.SIMPLIFIED_CHINESE);
                assertThat(listed(row.get(1))).as(value.name()).containsExactlyElementsOf(listed(aliases));
            }
        }
    }

    @Test
    void theGuidesOutcomeColumnTableListsEveryNameTheOutcomeImportAccepts() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        ImportColumns columns = ImportColumns.OUTCOMES;
        for (String code : columns.codes()) {
            String start = "| " + columns.chineseName(code) + " | `" + code + "` | ";
            List<String> row = lines.stream().filter(line -> line.startsWith(start)).toList();
            assertThat(row).as("guide row for the outcome column %s", code).hasSize(1);
            String aliases = row.get(0).substring(start.length()).split("\\|")[0];
            assertThat(listed(aliases)).as(code).containsExactlyElementsOf(columns.aliases(code));
        }
    }

    static ImportColumns columns() {
        return ImportColumns.STANDARD;
    }
}
