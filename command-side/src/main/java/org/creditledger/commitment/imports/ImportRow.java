package org.creditledger.commitment.imports;

/**
 * One data row of an import file, as text, before any validation. {@code row} is 1-based and excludes the header
 * (the first data row is row 1). Blank cells are {@code null}.
 */
public record ImportRow(int row, String unitId, String type, String subjectKind, String subjectCode, String subjectName,
                        String matter, String content, String signedOn, String dueDate) {

    static ImportRow of(int row, String[] cells) {
        return new ImportRow(row, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8]);
    }
}
