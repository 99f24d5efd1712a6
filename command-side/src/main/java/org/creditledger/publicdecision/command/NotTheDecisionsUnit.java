package org.creditledger.publicdecision.command;

import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.publicdecision.api.DecisionId;
import org.creditledger.unit.api.UnitId;

/** Another unit's clerk tried to report a decision's publication (403): only the unit that made the decision may. */
class NotTheDecisionsUnit extends LedgerProblem {
    NotTheDecisionsUnit(UnitId unit, DecisionId decision) {
        super(ProblemType.FORBIDDEN, Text.of("public-decision.not-the-unit", unit, decision));
    }
}
