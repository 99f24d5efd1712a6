package org.creditledger.unit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Commands and events of units and their yearly targets. */
public final class UnitMessages {

    private UnitMessages() {
    }

    /** Creates the unit, or renames/reclassifies it. Answers {@code true} when the unit was new. */
    public record SaveUnitCommand(@TargetAggregateIdentifier UnitId unitId, String name, UnitKind kind) {
    }

    @Revision("1")
    public record UnitRegisteredEvent(UnitId unitId, String name, UnitKind kind) {
    }

    @Revision("1")
    public record UnitChangedEvent(UnitId unitId, String name, UnitKind kind) {
    }

    /**
     * Sets the unit's target for a year (年度目标任务). {@code quarterlyRule}: 每季度完成量不低于全年目标任务的1/4.
     */
    public record SetQuotaTargetCommand(@TargetAggregateIdentifier UnitId unitId, int year, int annualTarget,
                                        QuotaCounting counting, boolean quarterlyRule) {
    }

    @Revision("1")
    public record QuotaTargetSetEvent(UnitId unitId, int year, int annualTarget, QuotaCounting counting,
                                      boolean quarterlyRule) {
    }
}
