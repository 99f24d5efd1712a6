package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** No repair application with this id was made for the entry (404). */
class UnknownRepair extends LedgerProblem {
    UnknownRepair(EntryId id, RepairId repairId) {
        super(ProblemType.NOT_FOUND, Text.of("listing.repair.unknown", id, repairId));
    }
}
