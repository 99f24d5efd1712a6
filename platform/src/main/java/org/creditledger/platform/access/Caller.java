package org.creditledger.platform.access;

import java.util.UUID;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.unit.api.UnitId;

/** The authenticated API key behind the current request. */
public record Caller(UUID keyId, String name, Role role, String unitId, String authority) {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /**
     * Reads scoped to a unit: a UNIT_CLERK sees its own unit's records only; the other roles an endpoint admits see
     * every unit's. {@code what} names the records in the refusal, e.g. {@code Text.of("records.quota")}.
     */
    public void requireMayReadUnit(String unit, Text what) {
        if (role == Role.UNIT_CLERK && (unit == null || !unit.equals(unitId))) {
            throw new AccessDenied(Text.of("access.unit-clerk.own-unit-read", what, unitId));
        }
    }

    /**
     * The unit a list is read for, from an optional {@code unitId} parameter: a UNIT_CLERK reads its own unit by default
     * and no other (403, {@code what} naming the records); the other roles read the unit named, or every unit (null).
     * A malformed id → 400 naming {@code unitId}.
     */
    public String unitToList(String unitIdParameter, Text what) {
        String unit = unitIdParameter == null || unitIdParameter.isBlank() ? null : unitIdParameter.strip();
        if (unit != null && !UnitId.isValid(unit)) {
            throw new InvalidInput(FieldProblem.of("unitId", "unit.id.format"));
        }
        if (role == Role.UNIT_CLERK) {
            unit = unit == null ? unitId : unit;
            requireMayReadUnit(unit, what);
        }
        return unit;
    }

    /**
     * Whether this caller sees the list entries of {@code authority} (认定部门) in full. ADMIN and INSPECTOR see every
     * authority's, a LIST_AUTHORITY its own authority's; everyone else (another authority, a COUNTER) sees them with a
     * natural person's 身份证 number masked. Other authorities still see the entries, since joint reward and
     * punishment (联合奖惩) acts on every authority's lists.
     */
    public boolean seesEntriesInFull(String authority) {
        return role == Role.ADMIN || role == Role.INSPECTOR
                || (role == Role.LIST_AUTHORITY && authority != null && authority.equals(this.authority));
    }

    /** True for ADMIN, and for a UNIT_CLERK bound to {@code unit}. */
    public boolean mayActForUnit(String unit) {
        return role == Role.ADMIN || (role == Role.UNIT_CLERK && unit != null && unit.equals(unitId));
    }
}
