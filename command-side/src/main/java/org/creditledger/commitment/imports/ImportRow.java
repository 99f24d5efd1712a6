package org.creditledger.commitment.imports;

import java.util.List;

/**
 * One data row of an import file, as text, before any validation. Blank cells are {@code null}.
 * <ul>
 * <li>{@code row}: 1-based, header excluded (the first data row is row 1); blank lines of a CSV are not counted. It
 * names the row's result and its commitment id, so it keeps the meaning it had when imports began.</li>
 * <li>{@code line}: the line of the sheet as Excel shows it, the header being line 1 and blank lines counted: what
 * the import report tells the clerk to look at.</li>
 * <li>{@code numberCells}: the {@link ImportColumns#CODE_COLUMNS code columns} whose XLSX cell was a number.</li>
 * </ul>
 */
public record ImportRow(int row, int line, String unitId, String type, String subjectKind, String subjectCode,
                        String subjectName, String matter, String content, String signedOn, String dueDate,
                        String letterNo, List<String> numberCells) {

    public ImportRow {
        numberCells = numberCells == null ? List.of() : List.copyOf(numberCells);
    }

    /** The letter columns of a row read with {@link ImportColumns#STANDARD}. */
    static ImportRow of(SheetRow row) {
        return new ImportRow(row.row(), row.line(), row.cell("unitId"), row.cell("type"), row.cell("subjectKind"),
                row.cell("subjectCode"), row.cell("subjectName"), row.cell("matter"), row.cell("content"),
                row.cell("signedOn"), row.cell("dueDate"), row.cell("letterNo"), row.numberCells());
    }
}
