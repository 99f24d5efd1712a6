package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** One pending repair application at a time (409). */
class RepairAlreadyPending extends LedgerProblem {
    RepairAlreadyPending(EntryId id, RepairId pending) {
        super(ProblemType.CONFLICT, Text.of("listing.repair.pending", id, pending));
    }
}
