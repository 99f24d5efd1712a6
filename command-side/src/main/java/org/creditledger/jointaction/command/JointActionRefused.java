package org.creditledger.jointaction.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import org.creditledger.listing.api.EntryId;

import java.time.LocalDate;
import java.util.List;
import org.creditledger.platform.i18n.Text;

/**
 * A well-formed case the ledger cannot accept (422, with the field to look at): the entry or measure is unknown, the
 * measure does not apply to the entry's list, or the entry was not in force on the day the measure was taken.
 */
class JointActionRefused extends LedgerProblem {
    JointActionRefused(String field, Text detail, Text message) {
        super(ProblemType.UNPROCESSABLE, detail, List.of(new FieldProblem(field, message)));
    }

    static JointActionRefused unknownEntry(EntryId entryId) {
        return new JointActionRefused("entryId", Text.of("jointaction.entry.unknown", entryId), Text.of("jointaction.entry.unknown-field", entryId));
    }

    static JointActionRefused notInForce(LocalDate takenOn, Text reason) {
        return new JointActionRefused("takenOn", Text.of("jointaction.not-in-force", takenOn, reason),
                Text.of("jointaction.not-in-force-field", takenOn, reason));
    }
}
