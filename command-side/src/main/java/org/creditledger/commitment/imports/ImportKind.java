package org.creditledger.commitment.imports;

/**
 * What the rows of an import are: commitment letters ({@code POST /commitments/imports}) or the outcomes of letters
 * already posted ({@code POST /commitments/outcomes/imports}). Both share the job, its queue, its limits and its row
 * report; the kind picks the columns ({@link ImportColumns}) and what a row becomes ({@link RowImporter}).
 */
enum ImportKind {
    LETTERS("/api/v1/commitments/imports"),
    OUTCOMES("/api/v1/commitments/outcomes/imports");

    private final String path;

    ImportKind(String path) {
        this.path = path;
    }

    /** Where this kind's imports are uploaded and read. */
    String path() {
        return path;
    }

    ImportColumns columns() {
        return this == LETTERS ? ImportColumns.STANDARD : ImportColumns.OUTCOMES;
    }
}
