package org.creditledger.listing.command;

import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/**
 * A repair application the list's rules refuse because of one of its fields (422, naming the field): the correction
 * date a list that counts its wait from the correction needs, or the commitment letter (信用修复承诺书) it names.
 */
class RepairRefused extends LedgerProblem {
    RepairRefused(EntryId id, String field, String messageCode, Object... arguments) {
        super(ProblemType.UNPROCESSABLE, Text.of("listing.repair.refused", id, Text.of(messageCode, arguments)),
                List.of(FieldProblem.of(field, messageCode, arguments)));
    }
}
