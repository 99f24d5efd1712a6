package org.creditledger.unit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Commands and events of units and their yearly targets. */
public final class UnitMessages {

    private UnitMessages() {
    }

    /**
     * Creates the unit, or renames/reclassifies/re-hangs it. Answers {@code true} when the unit was new.
     * {@code parentUnitId}: the unit it belongs to (a county's department → the county), or null for none.
     */
    public record SaveUnitCommand(@TargetAggregateIdentifier UnitId unitId, String name, UnitKind kind, UnitId parentUnitId) {

        /** A unit that belongs to no other. */
        public SaveUnitCommand(UnitId unitId, String name, UnitKind kind) {
            this(unitId, name, kind, null);
        }
    }

    /** {@code parentUnitId} (added after revision 1 was written, null in older events): null means no parent. */
    @Revision("1")
    public record UnitRegisteredEvent(UnitId unitId, String name, UnitKind kind, UnitId parentUnitId) {

        public UnitRegisteredEvent(UnitId unitId, String name, UnitKind kind) {
            this(unitId, name, kind, null);
        }
    }

    /**
     * The unit's state after the change. {@code parentUnitId} (added after revision 1 was written, null in older
     * events, which were written when no unit had a parent): null means no parent.
     */
    @Revision("1")
    public record UnitChangedEvent(UnitId unitId, String name, UnitKind kind, UnitId parentUnitId) {

        public UnitChangedEvent(UnitId unitId, String name, UnitKind kind) {
            this(unitId, name, kind, null);
        }
    }

    /**
     * Sets the unit's target for a year (年度目标任务). {@code quarterlyRule}: 每季度完成量不低于全年目标任务的1/4.
     * {@code includeSubUnits}: the target is met by the letters and records of the unit and every unit below it (a
     * county and its departments). {@code ratio}: set when the target was given as a share of the existing
     * enterprises (seed 000: 不低于辖区存续企业的50%); {@code annualTarget} is then {@link ExistingEnterpriseRatio#annualTarget()}.
     */
    public record SetQuotaTargetCommand(@TargetAggregateIdentifier UnitId unitId, int year, int annualTarget,
                                        QuotaCounting counting, boolean quarterlyRule, boolean includeSubUnits,
                                        ExistingEnterpriseRatio ratio) {

        public SetQuotaTargetCommand(UnitId unitId, int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule) {
            this(unitId, year, annualTarget, counting, quarterlyRule, false, null);
        }

        /** A target given as a share of the existing enterprises: the annual target is ⌈ratio × N⌉. */
        public SetQuotaTargetCommand(UnitId unitId, int year, ExistingEnterpriseRatio ratio, QuotaCounting counting,
                                     boolean quarterlyRule, boolean includeSubUnits) {
            this(unitId, year, ratio.annualTarget(), counting, quarterlyRule, includeSubUnits, ratio);
        }
    }

    /**
     * The last three fields were added after revision 1 was written and are null in older events: null
     * {@code includeSubUnits} means false (new events write false as null too), null
     * {@code ratioOfExisting}/{@code existingEnterprises} means the target was given as a number.
     */
    @Revision("1")
    public record QuotaTargetSetEvent(UnitId unitId, int year, int annualTarget, QuotaCounting counting,
                                      boolean quarterlyRule, Boolean includeSubUnits, BigDecimal ratioOfExisting,
                                      Integer existingEnterprises) {

        public QuotaTargetSetEvent(UnitId unitId, int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule) {
            this(unitId, year, annualTarget, counting, quarterlyRule, null, null, null);
        }

        public boolean countsSubUnits() {
            return Boolean.TRUE.equals(includeSubUnits);
        }
    }
}
