package org.creditledger.listing.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.DecideRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.RepairApprovedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.RepairId;
import org.creditledger.platform.axon.LedgerMetadata;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.creditledger.listing.command.EntryRejected.requireText;
import static org.creditledger.listing.command.EntryRejected.requireValue;

/**
 * One credit repair application (信用修复申请) for a {@link ListEntry}, pending until the list's authority decides it;
 * a member of the entry, which creates it from {@code RepairAppliedEvent}. Axon routes a decision to the application
 * it names by {@code repairId}, after the entry's own checks ({@link ListEntry#beforeRepairDecision}).
 */
class Repair {

    @EntityId
    private final RepairId repairId;
    private final EntryId entryId;
    private final String listCode;
    private final String subjectCode;
    private final LocalDate appliedOn;
    /** Null for applications stored before repairs had a decision deadline: those never become overdue. */
    private final LocalDate decideBy;
    private boolean pending = true;

    Repair(RepairId repairId, EntryId entryId, String listCode, String subjectCode, LocalDate appliedOn,
           LocalDate decideBy) {
        this.repairId = repairId;
        this.entryId = entryId;
        this.listCode = listCode;
        this.subjectCode = subjectCode;
        this.appliedOn = appliedOn;
        this.decideBy = decideBy;
    }

    /** Approved, the entry exits as {@code REPAIRED}; rejected, the entry stays and a new application may follow. */
    @CommandHandler
    void handle(DecideRepairCommand command) {
        requireText("reason", command.reason());
        requireValue("decidedOn", command.decidedOn());
        if (command.decidedOn().isBefore(appliedOn)) {
            throw new EntryRejected("decidedOn", "listing.repair.decided-before-applied", appliedOn);
        }
        if (command.approved()) {
            apply(new RepairApprovedEvent(entryId, subjectCode, repairId, command.reason(), command.decidedOn()));
            apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, ExitReason.REPAIRED, null,
                    command.reason(), command.decidedOn()));
        } else {
            apply(new RepairRejectedEvent(entryId, subjectCode, repairId, command.reason(), command.decidedOn()));
        }
    }

    /** {@code decideBy} ended with the application undecided: a flag for supervisors, written by the ledger itself. */
    void flagOverdue() {
        apply(new RepairOverdueEvent(entryId, subjectCode, repairId, decideBy),
                LedgerMetadata.system("repair " + repairId + " undecided after " + decideBy, null).toMetaData());
    }

    boolean isPending() {
        return pending;
    }

    RepairId id() {
        return repairId;
    }

    @EventSourcingHandler
    void on(RepairApprovedEvent event) {
        pending = false;
    }

    @EventSourcingHandler
    void on(RepairRejectedEvent event) {
        pending = false;
    }

    /**
     * Same repair, same state. Axon's test fixture compares the aggregate a command changed with one sourced
     * from the events it applied; without this it would compare instances.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Repair other && repairId.equals(other.repairId) && entryId.equals(other.entryId)
                && listCode.equals(other.listCode) && subjectCode.equals(other.subjectCode)
                && Objects.equals(appliedOn, other.appliedOn) && Objects.equals(decideBy, other.decideBy)
                && pending == other.pending;
    }

    @Override
    public int hashCode() {
        return Objects.hash(repairId, entryId, listCode, subjectCode, appliedOn, decideBy, pending);
    }
}
