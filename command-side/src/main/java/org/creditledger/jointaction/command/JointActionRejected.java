package org.creditledger.jointaction.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;
import org.creditledger.platform.i18n.Text;

/** A case with a missing or invalid field (400, with the offending field). */
class JointActionRejected extends LedgerProblem {
    JointActionRejected(String field, String messageCode, Object... arguments) {
        super(ProblemType.VALIDATION, Text.of("problem.validation.fields"), List.of(FieldProblem.of(field, messageCode, arguments)));
    }
}
