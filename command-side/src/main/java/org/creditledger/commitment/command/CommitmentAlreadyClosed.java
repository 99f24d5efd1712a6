package org.creditledger.commitment.command;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** An outcome was already recorded; outcomes are final (a correction is a new, recorded event, not an edit). */
class CommitmentAlreadyClosed extends LedgerProblem {
    CommitmentAlreadyClosed(CommitmentId id, CommitmentStatus status) {
        super(ProblemType.CONFLICT, Text.of("commitment.already-closed", id, Text.label(status)));
    }
}
