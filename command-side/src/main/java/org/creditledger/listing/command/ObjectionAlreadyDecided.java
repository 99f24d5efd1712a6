package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The objection was decided already; a decision is final (409). */
class ObjectionAlreadyDecided extends LedgerProblem {
    ObjectionAlreadyDecided(EntryId id, ObjectionId objectionId) {
        super(ProblemType.CONFLICT, Text.of("listing.objection.decided", objectionId, id));
    }
}
