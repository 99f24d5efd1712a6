package org.creditledger.jointaction.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/**
 * A well-formed case the ledger cannot accept (422, with the field to look at): the entry or measure is unknown, the
 * measure does not apply to the entry's list, or the entry was not in force on the day the measure was taken.
 */
class JointActionRefused extends LedgerProblem {
    JointActionRefused(String field, String detail, String message) {
        super(ProblemType.UNPROCESSABLE, detail, List.of(new FieldProblem(field, message)));
    }
}
