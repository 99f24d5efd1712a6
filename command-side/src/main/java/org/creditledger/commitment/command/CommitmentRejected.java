package org.creditledger.commitment.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/** A command whose fields contradict each other or the commitment (400, with the offending field). */
class CommitmentRejected extends LedgerProblem {
    CommitmentRejected(String field, String message) {
        super(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }
}
