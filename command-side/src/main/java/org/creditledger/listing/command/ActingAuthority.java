package org.creditledger.listing.command;

import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;

/** Who a write on list entries acts for; the entry compares it with its list's authority. */
final class ActingAuthority {

    private ActingAuthority() {
    }

    /** The authority a {@code LIST_AUTHORITY} key acts for; null for an administrator, who may act on every list. */
    static String of(Caller caller) {
        return caller.is(Role.ADMIN) ? null : caller.authority();
    }
}
