package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** One open objection at a time: the next may be filed once the open one is decided (409). */
class ObjectionAlreadyOpen extends LedgerProblem {
    ObjectionAlreadyOpen(EntryId id, ObjectionId open) {
        super(ProblemType.CONFLICT, "List entry " + id + " already has open objection " + open + "; it must be decided first.");
    }
}
