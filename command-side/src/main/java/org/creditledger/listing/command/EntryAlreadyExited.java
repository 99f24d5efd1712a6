package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/** The entry has left its list; an exit is final, so nothing more happens to it (409). */
class EntryAlreadyExited extends LedgerProblem {
    EntryAlreadyExited(EntryId id, ExitReason reason) {
        super(ProblemType.CONFLICT, Text.of("listing.entry.exited", id, Text.label(reason)));
    }
}
