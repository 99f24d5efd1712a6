package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** No objection with this id was filed against the entry (404). */
class UnknownObjection extends LedgerProblem {
    UnknownObjection(EntryId id, ObjectionId objectionId) {
        super(ProblemType.NOT_FOUND, Text.of("listing.objection.unknown", id, objectionId));
    }
}
