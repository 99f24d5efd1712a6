package org.creditledger.commitment.command;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** A correction to the outcome the commitment already has (409): there is nothing to correct. */
class OutcomeAlreadySo extends LedgerProblem {
    OutcomeAlreadySo(CommitmentId id, CommitmentStatus status) {
        super(ProblemType.CONFLICT, Text.of("commitment.correction.same-outcome", id, Text.label(status)));
    }
}
