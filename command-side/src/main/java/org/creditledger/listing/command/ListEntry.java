package org.creditledger.listing.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.EntryStatus;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.ApplyForRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DelistCommand;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.listing.api.ListEntryMessages.FileObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.ObjectionFiledEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairAppliedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairApprovedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.axon.LedgerMetadata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A subject on a red or black list, from the listing decision (列入) until it exits (移出).
 *
 * <p>{@code ACTIVE → EXITED}, once, for one of the {@link ExitReason}s: by itself at the end of {@code effectiveUntil}
 * (Asia/Shanghai, a persistent deadline), by an approved repair (信用修复), by an upheld objection (异议), or by the
 * list's authority (revoked, court order, other). While an objection is open the entry is disputed; one open objection
 * and one pending repair at a time. Only the list's authority acts on the entry (an administrator too), except that
 * anyone may file an objection. Deadlines are never cancelled; their handlers re-check the state.
 */
@Aggregate
class ListEntry {

    /** Business dates, period ends and objection due dates included, are Asia/Shanghai calendar dates. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String EXPIRY_DEADLINE = "list-entry-expiry";
    static final String OBJECTION_OVERDUE_DEADLINE = "objection-overdue";

    /**
     * The raw id string: deadline scopes are serialised with the identifier as it is here, and a plain string
     * survives the round trip through db-scheduler where a typed id would come back as a JSON map.
     */
    @AggregateIdentifier
    private String id;
    private EntryId entryId;
    private String listCode;
    private String listAuthority;
    private String subjectCode;
    private LocalDate decidedOn;
    private LocalDate effectiveUntil;
    private boolean earlyRepairAllowed;
    private int minMonthsBeforeRepair;
    private EntryStatus status;
    private ExitReason exitReason;
    private final Set<ObjectionId> objections = new HashSet<>();
    private ObjectionId openObjection;
    private LocalDate openObjectionFiledOn;
    private LocalDate openObjectionDecideBy;
    private final Set<RepairId> repairs = new HashSet<>();
    private RepairId pendingRepair;
    private LocalDate pendingRepairAppliedOn;

    ListEntry() {
        // for Axon
    }

    @CommandHandler
    ListEntry(EnterListCommand command, DeadlineManager deadlines) {
        if (command.actingAuthority() != null && !command.actingAuthority().equals(command.listAuthority())) {
            throw new AccessDenied("Only authority " + command.listAuthority() + " may enter subjects on list "
                    + command.listCode() + ".");
        }
        requireText("listCode", command.listCode());
        requireText("listAuthority", command.listAuthority());
        require("subject", command.subject());
        requireText("decisionNo", command.decisionNo());
        requireText("reason", command.reason());
        require("decidedOn", command.decidedOn());
        require("effectiveFrom", command.effectiveFrom());
        require("effectiveUntil", command.effectiveUntil());
        if (!command.effectiveUntil().isAfter(command.effectiveFrom())) {
            throw new EntryRejected("effectiveUntil", "must be after effectiveFrom " + command.effectiveFrom());
        }
        if (command.decidedOn().isAfter(command.effectiveFrom())) {
            throw new EntryRejected("decidedOn", "must not be after effectiveFrom " + command.effectiveFrom()
                    + ": a decision precedes its effect");
        }
        if (command.minMonthsBeforeRepair() < 0) {
            throw new EntryRejected("minMonthsBeforeRepair", "must not be negative");
        }
        apply(new SubjectListedEvent(command.entryId(), command.listCode(), command.listAuthority(), command.subject(),
                command.decisionNo(), command.decidedOn(), command.reason(), command.effectiveFrom(),
                command.effectiveUntil(), command.legalRepresentative(), command.responsiblePersons(),
                command.earlyRepairAllowed(), command.minMonthsBeforeRepair()));
        deadlines.schedule(endOf(command.effectiveUntil()), EXPIRY_DEADLINE);
    }

    @CommandHandler
    void handle(FileObjectionCommand command, DeadlineManager deadlines) {
        requireActive();
        if (openObjection != null) {
            throw new ObjectionAlreadyOpen(entryId, openObjection);
        }
        if (objections.contains(command.objectionId())) {
            throw new ObjectionAlreadyDecided(entryId, command.objectionId());
        }
        requireText("grounds", command.grounds());
        require("filedOn", command.filedOn());
        require("decideBy", command.decideBy());
        if (command.filedOn().isBefore(decidedOn)) {
            throw new EntryRejected("filedOn", "must not be before the listing decision of " + decidedOn);
        }
        if (command.decideBy().isBefore(command.filedOn())) {
            throw new EntryRejected("decideBy", "must not be before filedOn " + command.filedOn());
        }
        apply(new ObjectionFiledEvent(entryId, subjectCode, command.objectionId(), command.grounds(),
                command.filedOn(), command.decideBy()));
        deadlines.schedule(endOf(command.decideBy()), OBJECTION_OVERDUE_DEADLINE, command.objectionId().toString());
    }

    @CommandHandler
    void handle(DecideObjectionCommand command) {
        requireAuthority(command.actingAuthority(), "decide objections");
        if (!objections.contains(command.objectionId())) {
            throw new UnknownObjection(entryId, command.objectionId());
        }
        if (!command.objectionId().equals(openObjection)) {
            throw new ObjectionAlreadyDecided(entryId, command.objectionId());
        }
        requireActive();
        requireText("reason", command.reason());
        require("decidedOn", command.decidedOn());
        if (command.decidedOn().isBefore(openObjectionFiledOn)) {
            throw new EntryRejected("decidedOn", "must not be before the objection was filed on " + openObjectionFiledOn);
        }
        if (command.upheld()) {
            apply(new ObjectionUpheldEvent(entryId, subjectCode, command.objectionId(), command.reason(),
                    command.decidedOn()));
            apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, ExitReason.OBJECTION_UPHELD, null,
                    command.reason(), command.decidedOn()));
        } else {
            apply(new ObjectionRejectedEvent(entryId, subjectCode, command.objectionId(), command.reason(),
                    command.decidedOn()));
        }
    }

    @CommandHandler
    void handle(ApplyForRepairCommand command) {
        requireAuthority(command.actingAuthority(), "accept repair applications");
        requireActive();
        if (pendingRepair != null) {
            throw new RepairAlreadyPending(entryId, pendingRepair);
        }
        if (repairs.contains(command.repairId())) {
            throw new RepairAlreadyDecided(entryId, command.repairId());
        }
        if (command.methods().isEmpty()) {
            throw new EntryRejected("methods", "must name at least one repair method");
        }
        requireText("evidence", command.evidence());
        require("appliedOn", command.appliedOn());
        if (!earlyRepairAllowed) {
            throw new RepairNotAllowed(entryId, "list " + listCode + " does not allow early repair; the entry ends on "
                    + effectiveUntil + ".");
        }
        LocalDate earliest = decidedOn.plusMonths(minMonthsBeforeRepair);
        if (command.appliedOn().isBefore(earliest)) {
            throw new RepairNotAllowed(entryId, "list " + listCode + " allows repair only " + minMonthsBeforeRepair
                    + " months after the decision of " + decidedOn + ", from " + earliest + ".");
        }
        apply(new RepairAppliedEvent(entryId, subjectCode, command.repairId(), command.methods(),
                command.commitmentId(), command.evidence(), command.appliedOn()));
    }

    @CommandHandler
    void handle(DecideRepairCommand command) {
        requireAuthority(command.actingAuthority(), "decide repair applications");
        if (!repairs.contains(command.repairId())) {
            throw new UnknownRepair(entryId, command.repairId());
        }
        if (!command.repairId().equals(pendingRepair)) {
            throw new RepairAlreadyDecided(entryId, command.repairId());
        }
        requireActive();
        requireText("reason", command.reason());
        require("decidedOn", command.decidedOn());
        if (command.decidedOn().isBefore(pendingRepairAppliedOn)) {
            throw new EntryRejected("decidedOn", "must not be before the application of " + pendingRepairAppliedOn);
        }
        if (command.approved()) {
            apply(new RepairApprovedEvent(entryId, subjectCode, command.repairId(), command.reason(),
                    command.decidedOn()));
            apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, ExitReason.REPAIRED, null,
                    command.reason(), command.decidedOn()));
        } else {
            apply(new RepairRejectedEvent(entryId, subjectCode, command.repairId(), command.reason(),
                    command.decidedOn()));
        }
    }

    @CommandHandler
    void handle(DelistCommand command) {
        requireAuthority(command.actingAuthority(), "delist its entries");
        requireActive();
        require("reason", command.reason());
        if (!command.reason().isDirect()) {
            throw new EntryRejected("reason", command.reason()
                    + " comes from its own path (expiry, repair decision, objection decision); use REVOKED, COURT_ORDER or OTHER");
        }
        if (command.reason().needsDocument() && isBlank(command.documentNo())) {
            throw new EntryRejected("documentNo", "is required to exit for " + command.reason());
        }
        require("exitedOn", command.exitedOn());
        if (command.exitedOn().isBefore(decidedOn)) {
            throw new EntryRejected("exitedOn", "must not be before the listing decision of " + decidedOn);
        }
        apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, command.reason(), command.documentNo(),
                command.note(), command.exitedOn()));
    }

    /** Never cancelled: an entry that exited otherwise ignores it. */
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void periodEnded() {
        if (status == EntryStatus.ACTIVE) {
            apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, ExitReason.EXPIRED, null, null, effectiveUntil),
                    LedgerMetadata.system("period ended " + effectiveUntil, null).toMetaData());
        }
    }

    /**
     * Never cancelled: does nothing when the objection it was scheduled for is decided, or the entry exited. The
     * objection stays open; being overdue is a flag for supervisors, not a decision.
     */
    @DeadlineHandler(deadlineName = OBJECTION_OVERDUE_DEADLINE)
    void objectionDecisionDue(String objectionId) {
        if (status == EntryStatus.ACTIVE && openObjection != null && openObjection.toString().equals(objectionId)) {
            apply(new ObjectionOverdueEvent(entryId, subjectCode, openObjection, openObjectionDecideBy),
                    LedgerMetadata.system("objection " + objectionId + " undecided after " + openObjectionDecideBy, null)
                            .toMetaData());
        }
    }

    @EventSourcingHandler
    void on(SubjectListedEvent event) {
        id = event.entryId().toString();
        entryId = event.entryId();
        listCode = event.listCode();
        listAuthority = event.listAuthority();
        subjectCode = event.subject().code();
        decidedOn = event.decidedOn();
        effectiveUntil = event.effectiveUntil();
        earlyRepairAllowed = event.earlyRepairAllowed();
        minMonthsBeforeRepair = event.minMonthsBeforeRepair();
        status = EntryStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ObjectionFiledEvent event) {
        objections.add(event.objectionId());
        openObjection = event.objectionId();
        openObjectionFiledOn = event.filedOn();
        openObjectionDecideBy = event.decideBy();
    }

    @EventSourcingHandler
    void on(ObjectionUpheldEvent event) {
        closeObjection();
    }

    @EventSourcingHandler
    void on(ObjectionRejectedEvent event) {
        closeObjection();
    }

    @EventSourcingHandler
    void on(RepairAppliedEvent event) {
        repairs.add(event.repairId());
        pendingRepair = event.repairId();
        pendingRepairAppliedOn = event.appliedOn();
    }

    @EventSourcingHandler
    void on(RepairApprovedEvent event) {
        pendingRepair = null;
        pendingRepairAppliedOn = null;
    }

    @EventSourcingHandler
    void on(RepairRejectedEvent event) {
        pendingRepair = null;
        pendingRepairAppliedOn = null;
    }

    @EventSourcingHandler
    void on(SubjectDelistedEvent event) {
        status = EntryStatus.EXITED;
        exitReason = event.reason();
    }

    /** Whether an objection is open (disputed); for tests, the read side has its own view. */
    boolean isDisputed() {
        return openObjection != null;
    }

    EntryStatus status() {
        return status;
    }

    private void closeObjection() {
        openObjection = null;
        openObjectionFiledOn = null;
        openObjectionDecideBy = null;
    }

    private void requireAuthority(String actingAuthority, String what) {
        if (actingAuthority != null && !actingAuthority.equals(listAuthority)) {
            throw new AccessDenied("Only authority " + listAuthority + ", which keeps list " + listCode + ", may " + what
                    + " of list entry " + entryId + ".");
        }
    }

    private void requireActive() {
        if (status == EntryStatus.EXITED) {
            throw new EntryAlreadyExited(entryId, exitReason);
        }
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new EntryRejected(field, "is required");
        }
    }

    private static void requireText(String field, String value) {
        if (isBlank(value)) {
            throw new EntryRejected(field, "must not be blank");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The first instant after {@code day} in Asia/Shanghai. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant();
    }
}
