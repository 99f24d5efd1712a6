package org.creditledger.commitment.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of an import file of any {@link ImportKind}, as text, before any validation: its cells by column code
 * (blank cells are absent), {@code row} and {@code line} as in {@link ImportRow}, and the code columns whose XLSX
 * cell was a number.
 */
record SheetRow(int row, int line, Map<String, String> cells, List<String> numberCells) {

    SheetRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        numberCells = numberCells == null ? List.of() : List.copyOf(numberCells);
    }

    /** The cell of column {@code code}; null when blank or absent. */
    String cell(String code) {
        return cells.get(code);
    }
}
