package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The subject already has an active entry on the list (409); it must exit before it can be entered again. */
class SubjectAlreadyListed extends LedgerProblem {
    SubjectAlreadyListed(String listCode, String maskedSubjectCode, EntryId active) {
        super(ProblemType.CONFLICT, "Subject " + maskedSubjectCode + " is already active on list " + listCode
                + (active == null ? "" : " (entry " + active + ")") + "; it must exit before it can be entered again.");
    }
}
