package org.creditledger.platform.access;

import java.util.UUID;

/** The authenticated API key behind the current request. */
public record Caller(UUID keyId, String name, Role role, String unitId, String authority) {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /**
     * Reads scoped to a unit: a UNIT_CLERK sees its own unit's records only; the other roles an endpoint admits see
     * every unit's. {@code what} names the records in the refusal, e.g. "the quota".
     */
    public void requireMayReadUnit(String unit, String what) {
        if (role == Role.UNIT_CLERK && (unit == null || !unit.equals(unitId))) {
            throw new AccessDenied("A UNIT_CLERK key may read " + what + " of its own unit " + unitId + " only.");
        }
    }

    /** True for ADMIN, and for a UNIT_CLERK bound to {@code unit}. */
    public boolean mayActForUnit(String unit) {
        return role == Role.ADMIN || (role == Role.UNIT_CLERK && unit != null && unit.equals(unitId));
    }
}
