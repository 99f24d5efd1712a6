package org.creditledger.commitment.imports;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/** A whole-file problem (empty, not CSV/XLSX, missing columns, too many rows): 400 on field {@code file}, nothing written. */
public class UnreadableImportFile extends LedgerProblem {
    public UnreadableImportFile(String message) {
        super(ProblemType.VALIDATION, "The import file cannot be imported: " + message + ".", List.of(new FieldProblem("file", message)));
    }
}
