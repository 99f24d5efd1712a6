package org.creditledger.commitment.command;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** A correction of a commitment that has no outcome yet (409): its outcome is recorded, not corrected. */
class NoOutcomeToCorrect extends LedgerProblem {
    NoOutcomeToCorrect(CommitmentId id, CommitmentStatus status) {
        super(ProblemType.CONFLICT, Text.of("commitment.correction.no-outcome", id, Text.label(status)));
    }
}
