package org.creditledger.catalogue.command;

import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.time.LocalDate;
import org.creditledger.platform.i18n.Text;

/** A retired measure stays retired: it is neither changed nor retired again (409). A new measure takes its place. */
class MeasureRetired extends LedgerProblem {
    MeasureRetired(MeasureCode measureCode, LocalDate retiredFrom) {
        super(ProblemType.CONFLICT, Text.of("catalogue.measure.retired", measureCode.value(), retiredFrom.toString()));
    }
}
