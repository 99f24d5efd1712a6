package org.creditledger.commitment.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;
import org.creditledger.platform.i18n.Text;

/** A command whose fields contradict each other or the commitment (400, with the offending field). */
class CommitmentRejected extends LedgerProblem {
    CommitmentRejected(String field, String messageCode, Object... arguments) {
        super(ProblemType.VALIDATION, Text.of("problem.validation.fields"), List.of(FieldProblem.of(field, messageCode, arguments)));
    }
}
