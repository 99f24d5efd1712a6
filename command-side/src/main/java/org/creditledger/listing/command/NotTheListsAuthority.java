package org.creditledger.listing.command;

import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

/**
 * A {@code LIST_AUTHORITY} key of another authority acted on a list's entries (403): only the authority that keeps
 * the list (认定部门, 谁认定、谁修复) and administrators may. The entry decides this, from the command's acting authority.
 */
class NotTheListsAuthority extends LedgerProblem {
    NotTheListsAuthority(Text detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
