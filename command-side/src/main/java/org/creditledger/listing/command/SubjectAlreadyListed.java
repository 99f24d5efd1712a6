package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The subject already has an active entry on the list (409); it must exit before it can be entered again. */
class SubjectAlreadyListed extends LedgerProblem {
    SubjectAlreadyListed(String listCode, String maskedSubjectCode, EntryId active) {
        super(ProblemType.CONFLICT, active == null ? Text.of("listing.subject.already-listed", maskedSubjectCode, listCode)
                : Text.of("listing.subject.already-listed-entry", maskedSubjectCode, listCode, active));
    }
}
