package org.creditledger.catalogue.command;

import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.time.LocalDate;

/** A retired measure stays retired: it is neither changed nor retired again (409). A new measure takes its place. */
class MeasureRetired extends LedgerProblem {
    MeasureRetired(MeasureCode measureCode, LocalDate retiredFrom) {
        super(ProblemType.CONFLICT, "Measure " + measureCode.value() + " is retired from " + retiredFrom
                + "; define a new measure instead of changing it.");
    }
}
