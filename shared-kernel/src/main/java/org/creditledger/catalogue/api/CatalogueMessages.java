package org.creditledger.catalogue.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Commands and events of the catalogue: list definitions and measures, admin-managed data. Every change is a new
 * event carrying the next {@code version} (1 for the first); history is never rewritten.
 */
public final class CatalogueMessages {

    private CatalogueMessages() {
    }

    /** What a save did: {@code created} when the record was new; {@code version} is the one now current. */
    public record Saved(boolean created, int version) {
    }

    /**
     * Creates or changes a list definition; saving it unchanged records nothing. Answers {@link Saved}.
     * {@code revokedOnBlackListing} (red lists only): a subject entering any black list leaves this list.
     * The published texts the seeds require (认定标准 {@code criteria}, 移出条件 {@code exitConditions}, 程序
     * {@code procedure}, 救济 {@code remedy}) are optional; {@code maxExtensionMonths}: how far past its period an
     * entry's decision may set its end (失信被执行人: 2 years, extendable up to 3 more), 0 when it may not.
     * Repair rules (issue 12): {@code repairWaitFrom}, the date the minimum wait counts from (null: the default,
     * {@link RepairWaitFrom#DECISION}); {@code repairDecisionWorkingDays}, the working days the authority has to decide
     * a repair application (null: {@value #DEFAULT_REPAIR_DECISION_WORKING_DAYS}); {@code repairCommitmentRequired},
     * whether an application must name the subject's 信用修复 commitment letter.
     */
    public record SaveListDefinitionCommand(@TargetAggregateIdentifier ListCode listCode, String name, ListColour colour,
                                            String authority, String legalBasis, int periodMonths,
                                            boolean earlyRepairAllowed, int minMonthsBeforeRepair,
                                            boolean revokedOnBlackListing, String criteria, String exitConditions,
                                            String procedure, String remedy, int maxExtensionMonths,
                                            RepairWaitFrom repairWaitFrom, Integer repairDecisionWorkingDays,
                                            boolean repairCommitmentRequired) {

        /** Working days to decide a repair application unless the list says otherwise. */
        public static final int DEFAULT_REPAIR_DECISION_WORKING_DAYS = 5;

        public SaveListDefinitionCommand {
            repairWaitFrom = RepairWaitFrom.orDefault(repairWaitFrom);
            repairDecisionWorkingDays = repairDecisionWorkingDays == null ? DEFAULT_REPAIR_DECISION_WORKING_DAYS
                    : repairDecisionWorkingDays;
        }

        /** A list with the default repair rules. */
        public SaveListDefinitionCommand(ListCode listCode, String name, ListColour colour, String authority,
                                         String legalBasis, int periodMonths, boolean earlyRepairAllowed,
                                         int minMonthsBeforeRepair, boolean revokedOnBlackListing, String criteria,
                                         String exitConditions, String procedure, String remedy, int maxExtensionMonths) {
            this(listCode, name, colour, authority, legalBasis, periodMonths, earlyRepairAllowed, minMonthsBeforeRepair,
                    revokedOnBlackListing, criteria, exitConditions, procedure, remedy, maxExtensionMonths, null, null, false);
        }

        /** A list without published texts and without extension. */
        public SaveListDefinitionCommand(ListCode listCode, String name, ListColour colour, String authority,
                                         String legalBasis, int periodMonths, boolean earlyRepairAllowed,
                                         int minMonthsBeforeRepair, boolean revokedOnBlackListing) {
            this(listCode, name, colour, authority, legalBasis, periodMonths, earlyRepairAllowed, minMonthsBeforeRepair,
                    revokedOnBlackListing, null, null, null, null, 0);
        }
    }

    /**
     * The texts and {@code maxExtensionMonths} were added at the end (issue 12): events stored before read them as
     * null, which means no texts and no extension ({@link #extensionMonths()}). So were the repair rules, last: null
     * in an older event reads as the default (wait from the decision, 5 working days, no commitment required).
     */
    @Revision("1")
    public record ListDefinedEvent(ListCode listCode, int version, String name, ListColour colour, String authority,
                                   String legalBasis, int periodMonths, boolean earlyRepairAllowed,
                                   int minMonthsBeforeRepair, boolean revokedOnBlackListing, String criteria,
                                   String exitConditions, String procedure, String remedy,
                                   Integer maxExtensionMonths, RepairWaitFrom repairWaitFrom,
                                   Integer repairDecisionWorkingDays, Boolean repairCommitmentRequired) {

        /** Events stored before the repair rules were kept read as the defaults, which is what the code did then. */
        public ListDefinedEvent {
            repairWaitFrom = RepairWaitFrom.orDefault(repairWaitFrom);
            repairDecisionWorkingDays = repairDecisionWorkingDays == null
                    ? SaveListDefinitionCommand.DEFAULT_REPAIR_DECISION_WORKING_DAYS : repairDecisionWorkingDays;
            repairCommitmentRequired = Boolean.TRUE.equals(repairCommitmentRequired);
        }

        public ListDefinedEvent(ListCode listCode, int version, String name, ListColour colour, String authority,
                                String legalBasis, int periodMonths, boolean earlyRepairAllowed,
                                int minMonthsBeforeRepair, boolean revokedOnBlackListing) {
            this(listCode, version, name, colour, authority, legalBasis, periodMonths, earlyRepairAllowed,
                    minMonthsBeforeRepair, revokedOnBlackListing, null, null, null, null, 0);
        }

        /** A definition with the default repair rules. */
        public ListDefinedEvent(ListCode listCode, int version, String name, ListColour colour, String authority,
                                String legalBasis, int periodMonths, boolean earlyRepairAllowed,
                                int minMonthsBeforeRepair, boolean revokedOnBlackListing, String criteria,
                                String exitConditions, String procedure, String remedy, Integer maxExtensionMonths) {
            this(listCode, version, name, colour, authority, legalBasis, periodMonths, earlyRepairAllowed,
                    minMonthsBeforeRepair, revokedOnBlackListing, criteria, exitConditions, procedure, remedy,
                    maxExtensionMonths, null, null, null);
        }

        /** 0 for events stored before the extension was kept. */
        public int extensionMonths() {
            return maxExtensionMonths == null ? 0 : maxExtensionMonths;
        }
    }

    /** See {@link ListDefinedEvent} for the fields added at the end. */
    @Revision("1")
    public record ListDefinitionChangedEvent(ListCode listCode, int version, String name, ListColour colour,
                                             String authority, String legalBasis, int periodMonths,
                                             boolean earlyRepairAllowed, int minMonthsBeforeRepair,
                                             boolean revokedOnBlackListing, String criteria, String exitConditions,
                                             String procedure, String remedy, Integer maxExtensionMonths,
                                             RepairWaitFrom repairWaitFrom, Integer repairDecisionWorkingDays,
                                             Boolean repairCommitmentRequired) {

        /** See {@link ListDefinedEvent}: missing repair rules read as the defaults. */
        public ListDefinitionChangedEvent {
            repairWaitFrom = RepairWaitFrom.orDefault(repairWaitFrom);
            repairDecisionWorkingDays = repairDecisionWorkingDays == null
                    ? SaveListDefinitionCommand.DEFAULT_REPAIR_DECISION_WORKING_DAYS : repairDecisionWorkingDays;
            repairCommitmentRequired = Boolean.TRUE.equals(repairCommitmentRequired);
        }

        public ListDefinitionChangedEvent(ListCode listCode, int version, String name, ListColour colour,
                                          String authority, String legalBasis, int periodMonths,
                                          boolean earlyRepairAllowed, int minMonthsBeforeRepair,
                                          boolean revokedOnBlackListing) {
            this(listCode, version, name, colour, authority, legalBasis, periodMonths, earlyRepairAllowed,
                    minMonthsBeforeRepair, revokedOnBlackListing, null, null, null, null, 0);
        }

        /** A change with the default repair rules. */
        public ListDefinitionChangedEvent(ListCode listCode, int version, String name, ListColour colour,
                                          String authority, String legalBasis, int periodMonths,
                                          boolean earlyRepairAllowed, int minMonthsBeforeRepair,
                                          boolean revokedOnBlackListing, String criteria, String exitConditions,
                                          String procedure, String remedy, Integer maxExtensionMonths) {
            this(listCode, version, name, colour, authority, legalBasis, periodMonths, earlyRepairAllowed,
                    minMonthsBeforeRepair, revokedOnBlackListing, criteria, exitConditions, procedure, remedy,
                    maxExtensionMonths, null, null, null);
        }

        /** 0 for events stored before the extension was kept. */
        public int extensionMonths() {
            return maxExtensionMonths == null ? 0 : maxExtensionMonths;
        }
    }

    /**
     * Creates or changes a measure; saving it unchanged records nothing. Answers {@link Saved}. The list codes are
     * kept sorted and without repeats, so the same set always compares equal.
     */
    public record SaveMeasureCommand(@TargetAggregateIdentifier MeasureCode measureCode, String name, MeasureKind kind,
                                     MeasureDomain domain, MeasureScope scope, String legalBasis,
                                     List<ListCode> listCodes, MeasureBinds binds) {
        public SaveMeasureCommand {
            listCodes = sorted(listCodes);
            binds = MeasureBinds.orDefault(binds);
        }

        /** A measure binding the listed subject. */
        public SaveMeasureCommand(MeasureCode measureCode, String name, MeasureKind kind, MeasureDomain domain,
                                  MeasureScope scope, String legalBasis, List<ListCode> listCodes) {
            this(measureCode, name, kind, domain, scope, legalBasis, listCodes, MeasureBinds.SUBJECT);
        }
    }

    @Revision("1")
    public record MeasureDefinedEvent(MeasureCode measureCode, int version, String name, MeasureKind kind,
                                      MeasureDomain domain, MeasureScope scope, String legalBasis,
                                      List<ListCode> listCodes, MeasureBinds binds) {
        public MeasureDefinedEvent {
            listCodes = sorted(listCodes);
        }

        /** As stored before measures said whom they bind ({@code binds} null: the subject). */
        public MeasureDefinedEvent(MeasureCode measureCode, int version, String name, MeasureKind kind, MeasureDomain domain,
                                   MeasureScope scope, String legalBasis, List<ListCode> listCodes) {
            this(measureCode, version, name, kind, domain, scope, legalBasis, listCodes, null);
        }

        /** Whom the measure binds: {@code binds}, or the subject for events stored before it was said. */
        public MeasureBinds bindsOrDefault() {
            return MeasureBinds.orDefault(binds);
        }
    }

    @Revision("1")
    public record MeasureChangedEvent(MeasureCode measureCode, int version, String name, MeasureKind kind,
                                      MeasureDomain domain, MeasureScope scope, String legalBasis,
                                      List<ListCode> listCodes, MeasureBinds binds) {
        public MeasureChangedEvent {
            listCodes = sorted(listCodes);
        }

        /** As stored before measures said whom they bind ({@code binds} null: the subject). */
        public MeasureChangedEvent(MeasureCode measureCode, int version, String name, MeasureKind kind, MeasureDomain domain,
                                   MeasureScope scope, String legalBasis, List<ListCode> listCodes) {
            this(measureCode, version, name, kind, domain, scope, legalBasis, listCodes, null);
        }

        /** Whom the measure binds: {@code binds}, or the subject for events stored before it was said. */
        public MeasureBinds bindsOrDefault() {
            return MeasureBinds.orDefault(binds);
        }
    }

    /**
     * 清理规范 (seed 003 §七): the measure stops applying from {@code effectiveOn} (Asia/Shanghai), for good. Its
     * versions stay in history, and a check {@code asOf} an earlier record time still applies it.
     */
    public record RetireMeasureCommand(@TargetAggregateIdentifier MeasureCode measureCode, String reason,
                                       LocalDate effectiveOn) {
    }

    @Revision("1")
    public record MeasureRetiredEvent(MeasureCode measureCode, int version, String reason, LocalDate effectiveOn) {
    }

    static List<ListCode> sorted(Collection<ListCode> codes) {
        return codes == null ? List.of() : List.copyOf(new TreeSet<>(codes));
    }
}
