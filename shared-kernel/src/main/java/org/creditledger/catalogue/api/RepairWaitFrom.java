package org.creditledger.catalogue.api;

import java.time.LocalDate;

/**
 * The date a list's minimum wait before credit repair (信用修复) counts from, as the list's rules name it: 市场监管
 * (令第44号) from the listing (列入, ≥ 1 year), 拖欠农民工工资 from the correction (≥ 6 months after 纠正), most others
 * from the listing decision.
 */
public enum RepairWaitFrom {
    /** The listing decision's date (认定决定作出之日): what every list counted from before the setting existed. */
    DECISION,
    /** The day the entry took effect (列入之日, {@code effectiveFrom}). */
    ENTRY,
    /** The day the subject corrected the failure (纠正失信行为之日), which the repair application states. */
    CORRECTION;

    /** The setting of lists and entries stored before it existed. */
    public static final RepairWaitFrom DEFAULT = DECISION;

    public static RepairWaitFrom orDefault(RepairWaitFrom from) {
        return from == null ? DEFAULT : from;
    }

    /**
     * The first day a repair may be applied for: {@code minMonths} after the date this setting names; null when that
     * date is not known ({@code CORRECTION} without {@code correctedOn}).
     */
    public LocalDate earliestRepair(LocalDate decidedOn, LocalDate effectiveFrom, LocalDate correctedOn, int minMonths) {
        LocalDate start = start(decidedOn, effectiveFrom, correctedOn);
        return start == null ? null : start.plusMonths(minMonths);
    }

    /** The date the wait counts from; null for {@code CORRECTION} without {@code correctedOn}. */
    public LocalDate start(LocalDate decidedOn, LocalDate effectiveFrom, LocalDate correctedOn) {
        return switch (this) {
            case DECISION -> decidedOn;
            case ENTRY -> effectiveFrom;
            case CORRECTION -> correctedOn;
        };
    }
}
