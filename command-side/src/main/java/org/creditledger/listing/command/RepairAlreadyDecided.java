package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The repair application was decided already; a decision is final (409). */
class RepairAlreadyDecided extends LedgerProblem {
    RepairAlreadyDecided(EntryId id, RepairId repairId) {
        super(ProblemType.CONFLICT, Text.of("listing.repair.decided", repairId, id));
    }
}
