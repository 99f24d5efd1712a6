package org.creditledger.publicdecision.command;

import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.publicdecision.api.DecisionId;

/** The decision's publication was already reported (409): it is reported once, and the record keeps the first. */
class DecisionAlreadyPublished extends LedgerProblem {
    DecisionAlreadyPublished(DecisionId decision) {
        super(ProblemType.CONFLICT, Text.of("public-decision.already-published", decision));
    }
}
