package org.creditledger.listing.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.DecideObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.ObjectionOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.platform.axon.LedgerMetadata;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.creditledger.listing.command.EntryRejected.requireText;
import static org.creditledger.listing.command.EntryRejected.requireValue;

/**
 * One objection (异议) against a {@link ListEntry}, from filing until its decision; a member of the entry, which
 * creates it from {@code ObjectionFiledEvent}. Axon routes a decision to the objection it names by
 * {@code objectionId}, after the entry's own checks ({@link ListEntry#beforeObjectionDecision}).
 */
class Objection {

    @EntityId
    private final ObjectionId objectionId;
    private final EntryId entryId;
    private final String listCode;
    private final String subjectCode;
    private final LocalDate filedOn;
    private final LocalDate decideBy;
    private boolean open = true;

    Objection(ObjectionId objectionId, EntryId entryId, String listCode, String subjectCode, LocalDate filedOn,
              LocalDate decideBy) {
        this.objectionId = objectionId;
        this.entryId = entryId;
        this.listCode = listCode;
        this.subjectCode = subjectCode;
        this.filedOn = filedOn;
        this.decideBy = decideBy;
    }

    /** Upheld (异议成立), the entry exits with it; rejected, the entry stays and is no longer disputed. */
    @CommandHandler
    void handle(DecideObjectionCommand command) {
        requireText("reason", command.reason());
        requireValue("decidedOn", command.decidedOn());
        if (command.decidedOn().isBefore(filedOn)) {
            throw new EntryRejected("decidedOn", "listing.objection.decided-before-filed", filedOn);
        }
        if (command.upheld()) {
            apply(new ObjectionUpheldEvent(entryId, subjectCode, objectionId, command.reason(), command.decidedOn()));
            apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, ExitReason.OBJECTION_UPHELD, null,
                    command.reason(), command.decidedOn()));
        } else {
            apply(new ObjectionRejectedEvent(entryId, subjectCode, objectionId, command.reason(), command.decidedOn()));
        }
    }

    /** {@code decideBy} ended with the objection undecided: a flag for supervisors, written by the ledger itself. */
    void flagOverdue() {
        apply(new ObjectionOverdueEvent(entryId, subjectCode, objectionId, decideBy),
                LedgerMetadata.system("objection " + objectionId + " undecided after " + decideBy, null).toMetaData());
    }

    boolean isOpen() {
        return open;
    }

    ObjectionId id() {
        return objectionId;
    }

    @EventSourcingHandler
    void on(ObjectionUpheldEvent event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ObjectionRejectedEvent event) {
        open = false;
    }

    /**
     * Same objection, same state. Axon's test fixture compares the aggregate a command changed with one sourced
     * from the events it applied; without this it would compare instances.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Objection other && objectionId.equals(other.objectionId) && entryId.equals(other.entryId)
                && listCode.equals(other.listCode) && subjectCode.equals(other.subjectCode)
                && Objects.equals(filedOn, other.filedOn) && Objects.equals(decideBy, other.decideBy)
                && open == other.open;
    }

    @Override
    public int hashCode() {
        return Objects.hash(objectionId, entryId, listCode, subjectCode, filedOn, decideBy, open);
    }
}
