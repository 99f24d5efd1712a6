package org.creditledger.export;

import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The export would hold more rows than one file may ({@code ledger.export.max-rows}). */
class TooManyRows extends LedgerProblem {
    TooManyRows(long rows, int maxRows) {
        super(ProblemType.VALIDATION, "This export would hold " + rows + " rows; one file holds at most " + maxRows
                + ". Narrow the filter (for example by unit, list, status or dates) and export each part.");
    }
}
