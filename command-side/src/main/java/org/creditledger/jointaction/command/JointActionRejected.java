package org.creditledger.jointaction.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/** A case with a missing or invalid field (400, with the offending field). */
class JointActionRejected extends LedgerProblem {
    JointActionRejected(String field, String message) {
        super(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }
}
