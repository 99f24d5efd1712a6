package org.creditledger.platform.access;

import java.util.UUID;

/** The authenticated API key behind the current request. */
public record Caller(UUID keyId, String name, Role role, String unitId, String authority) {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** True for ADMIN, and for a UNIT_CLERK bound to {@code unit}. */
    public boolean mayActForUnit(String unit) {
        return role == Role.ADMIN || (role == Role.UNIT_CLERK && unit != null && unit.equals(unitId));
    }
}
