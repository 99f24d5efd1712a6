package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/**
 * The list does not allow repair for this entry yet, or at all (422): the request is well formed but the list's
 * rules refuse it.
 */
class RepairNotAllowed extends LedgerProblem {
    RepairNotAllowed(EntryId id, Text why) {
        super(ProblemType.UNPROCESSABLE, Text.of("listing.repair.not-allowed", id, why));
    }
}
