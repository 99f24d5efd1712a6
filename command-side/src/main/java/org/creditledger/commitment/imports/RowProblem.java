package org.creditledger.commitment.imports;

import java.util.List;

/**
 * What is wrong with one import row, as stored with the row's result. The import runs in a background worker, with
 * no reader yet, so a problem of this package is stored as a message {@code code} of the {@code i18n/imports} bundle
 * with its {@code args}, and put into words when someone reads the report, in their language. {@code message} is
 * the Chinese text at write time: what a reader gets if the code is unknown then, and the whole problem when it came
 * from elsewhere (the commitment's own checks, the aggregate), whose text is stored as it was given.
 */
record RowProblem(String field, String code, List<String> args, String message) {

    RowProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem whose text another part of the ledger wrote. */
    static RowProblem text(String field, String message) {
        return new RowProblem(field, null, List.of(), message);
    }
}
