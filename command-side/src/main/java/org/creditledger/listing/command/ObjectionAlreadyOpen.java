package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** One open objection at a time: the next may be filed once the open one is decided (409). */
class ObjectionAlreadyOpen extends LedgerProblem {
    ObjectionAlreadyOpen(EntryId id, ObjectionId open) {
        super(ProblemType.CONFLICT, Text.of("listing.objection.open", id, open));
    }
}
