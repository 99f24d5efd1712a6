package org.creditledger.export;

import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The export would hold more rows than one file may ({@code ledger.export.max-rows}). */
class TooManyRows extends LedgerProblem {
    TooManyRows(long rows, int maxRows) {
        super(ProblemType.VALIDATION, Text.of("export.too-many-rows", rows, maxRows));
    }
}
