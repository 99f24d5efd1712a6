package org.creditledger.console.web;

import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.CurrentCaller;
import org.creditledger.platform.access.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in to the console, as the page header shows it, and which parts of the console are theirs. The API
 * decides what each key may do; the menu only leaves out what would be refused anyway.
 */
public record SignedIn(Caller caller) {

    public static Optional<SignedIn> current() {
        return CurrentCaller.current().map(SignedIn::new);
    }

    public String name() {
        return caller.name();
    }

    public Role role() {
        return caller.role();
    }

    /** The unit (UNIT_CLERK, COUNTER) or authority (LIST_AUTHORITY) the key is bound to, if any. */
    public String boundTo() {
        return caller.unitId() != null ? caller.unitId() : caller.authority();
    }

    public boolean may(String part) {
        return Part.valueOf(part).roles.contains(caller.role());
    }

    /** The console's parts and who uses each. */
    public enum Part {
        COUNTER(EnumSet.of(Role.COUNTER, Role.ADMIN)),
        UNIT(EnumSet.of(Role.UNIT_CLERK, Role.ADMIN)),
        AUTHORITY(EnumSet.of(Role.LIST_AUTHORITY, Role.ADMIN)),
        INSPECTOR(EnumSet.of(Role.INSPECTOR, Role.ADMIN)),
        OVERVIEW(EnumSet.of(Role.INSPECTOR, Role.ADMIN)),
        ADMIN(EnumSet.of(Role.ADMIN));

        private final Set<Role> roles;

        Part(Set<Role> roles) {
            this.roles = roles;
        }
    }
}
