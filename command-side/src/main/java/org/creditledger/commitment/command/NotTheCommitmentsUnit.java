package org.creditledger.commitment.command;

import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.unit.api.UnitId;

/** Another unit's clerk tried to record a commitment's outcome (403): only the unit that posted it may. */
class NotTheCommitmentsUnit extends LedgerProblem {
    NotTheCommitmentsUnit(UnitId unit, CommitmentId commitment) {
        super(ProblemType.FORBIDDEN, Text.of("commitment.not-the-unit", unit, commitment));
    }
}
