package org.creditledger.listing.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.commitment.api.CommitmentLetter;
import org.creditledger.commitment.api.CommitmentType;
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
import org.creditledger.listing.api.ListEntryMessages.RepairAppliedEvent;
import org.creditledger.listing.api.ListEntryMessages.RevokeOnBlackListingCommand;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.platform.axon.LedgerMetadata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.creditledger.platform.i18n.Text;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.creditledger.listing.command.EntryRejected.requireText;
import static org.creditledger.listing.command.EntryRejected.requireValue;

/**
 * A subject on a red or black list, from the listing decision (列入) until it exits (移出).
 *
 * <p>{@code ACTIVE → EXITED}, once, for one of the {@link ExitReason}s: by itself at the end of {@code effectiveUntil}
 * (Asia/Shanghai, a persistent deadline), by an approved repair (信用修复), by an upheld objection (异议), or by the
 * list's authority (revoked, court order, other). While an objection is open the entry is disputed; one open objection
 * and one pending repair at a time, each an entity of its own ({@link Objection}, {@link Repair}) that takes its
 * decision; an undecided objection or repair is flagged overdue after its decision date (persistent deadlines, on
 * the working-day calendar). Only the list's authority acts on the entry (an administrator too): every command names the authority it
 * acts for, and the entry refuses another with {@link NotTheListsAuthority}. Deadlines are never cancelled; their
 * handlers re-check the state.
 */
@Aggregate
class ListEntry {

    /** Business dates, period ends and objection due dates included, are Asia/Shanghai calendar dates. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String EXPIRY_DEADLINE = "list-entry-expiry";
    static final String OBJECTION_OVERDUE_DEADLINE = "objection-overdue";
    static final String REPAIR_OVERDUE_DEADLINE = "repair-overdue";

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
    private LocalDate effectiveFrom;
    private LocalDate effectiveUntil;
    private boolean earlyRepairAllowed;
    private int minMonthsBeforeRepair;
    private RepairWaitFrom repairWaitFrom;
    private int repairDecisionWorkingDays;
    private boolean repairCommitmentRequired;
    private EntryStatus status;
    private ExitReason exitReason;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<ObjectionId, Objection> objections = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<RepairId, Repair> repairs = new HashMap<>();

    ListEntry() {
        // for Axon
    }

    @CommandHandler
    ListEntry(EnterListCommand command, DeadlineManager deadlines) {
        if (command.actingAuthority() != null && !command.actingAuthority().equals(command.listAuthority())) {
            throw new NotTheListsAuthority(Text.of("listing.authority.enter", command.listAuthority(), command.listCode()));
        }
        requireText("listCode", command.listCode());
        requireText("listAuthority", command.listAuthority());
        requireValue("subject", command.subject());
        requireText("decisionNo", command.decisionNo());
        requireText("reason", command.reason());
        requireValue("decidedOn", command.decidedOn());
        requireValue("effectiveFrom", command.effectiveFrom());
        requireValue("effectiveUntil", command.effectiveUntil());
        if (!command.effectiveUntil().isAfter(command.effectiveFrom())) {
            throw new EntryRejected("effectiveUntil", "listing.effective-until.after", command.effectiveFrom());
        }
        if (command.decidedOn().isAfter(command.effectiveFrom())) {
            throw new EntryRejected("decidedOn", "listing.decided-on.precedes", command.effectiveFrom());
        }
        if (command.minMonthsBeforeRepair() < 0) {
            throw new EntryRejected("minMonthsBeforeRepair", "listing.field.negative");
        }
        apply(new SubjectListedEvent(command.entryId(), command.listCode(), command.listAuthority(), command.subject(),
                command.decisionNo(), command.decidedOn(), command.reason(), command.effectiveFrom(),
                command.effectiveUntil(), command.legalRepresentative(), command.responsiblePersons(),
                command.earlyRepairAllowed(), command.minMonthsBeforeRepair(), command.listColour(),
                command.revokedOnBlackListing(), command.repairWaitFrom(), command.repairDecisionWorkingDays(),
                command.repairCommitmentRequired()));
        deadlines.schedule(endOf(command.effectiveUntil()), EXPIRY_DEADLINE);
    }

    /** The authority records the subject's objection; its decision is due at the end of {@code decideBy}. */
    @CommandHandler
    void handle(FileObjectionCommand command, DeadlineManager deadlines) {
        if (command.actingAuthority() != null && !command.actingAuthority().equals(listAuthority)) {
            throw new NotTheListsAuthority(Text.of("listing.authority.objections", listAuthority));
        }
        requireActive();
        Optional<Objection> open = objections.values().stream().filter(Objection::isOpen).findFirst();
        if (open.isPresent()) {
            throw new ObjectionAlreadyOpen(entryId, open.get().id());
        }
        if (objections.containsKey(command.objectionId())) {
            throw new ObjectionAlreadyDecided(entryId, command.objectionId());
        }
        requireText("grounds", command.grounds());
        requireValue("filedOn", command.filedOn());
        requireValue("decideBy", command.decideBy());
        if (command.filedOn().isBefore(decidedOn)) {
            throw new EntryRejected("filedOn", "listing.before-decision", decidedOn);
        }
        if (command.decideBy().isBefore(command.filedOn())) {
            throw new EntryRejected("decideBy", "listing.decide-by.before-filed", command.filedOn());
        }
        apply(new ObjectionFiledEvent(entryId, subjectCode, command.objectionId(), command.grounds(),
                command.filedOn(), command.decideBy()));
        deadlines.schedule(endOf(command.decideBy()), OBJECTION_OVERDUE_DEADLINE, command.objectionId().toString());
    }

    /**
     * What the entry alone knows, checked before Axon hands a decision to its {@link Objection}, in this order: the
     * list's authority decides, about an objection of this entry, still open, while the entry is on its list.
     */
    @CommandHandlerInterceptor
    void beforeObjectionDecision(DecideObjectionCommand command) {
        requireAuthority(command.actingAuthority(), "listing.action.decide-objections");
        Objection objection = objections.get(command.objectionId());
        if (objection == null) {
            throw new UnknownObjection(entryId, command.objectionId());
        }
        if (!objection.isOpen()) {
            throw new ObjectionAlreadyDecided(entryId, command.objectionId());
        }
        requireActive();
    }

    /**
     * The authority records an application; in this order: its authority (403), an entry on its list with no other
     * application pending (409), the fields (400), then the list's rules (422): early repair at all, the correction
     * date where the wait counts from it, the minimum wait, and the commitment letter. The decision is due
     * {@code repairDecisionWorkingDays} working days after {@code appliedOn}, on the calendar objections use.
     *
     * @return the day the decision is due ({@code decideBy})
     */
    @CommandHandler
    LocalDate handle(ApplyForRepairCommand command, DeadlineManager deadlines, ObjectionDueDates dueDates) {
        requireAuthority(command.actingAuthority(), "listing.action.accept-repairs");
        requireActive();
        Optional<Repair> pending = repairs.values().stream().filter(Repair::isPending).findFirst();
        if (pending.isPresent()) {
            throw new RepairAlreadyPending(entryId, pending.get().id());
        }
        if (repairs.containsKey(command.repairId())) {
            throw new RepairAlreadyDecided(entryId, command.repairId());
        }
        if (command.methods().isEmpty()) {
            throw new EntryRejected("methods", "listing.repair.methods");
        }
        requireText("evidence", command.evidence());
        requireValue("appliedOn", command.appliedOn());
        if (command.correctedOn() != null && command.correctedOn().isAfter(command.appliedOn())) {
            throw new EntryRejected("correctedOn", "listing.repair.corrected-after-applied", command.appliedOn());
        }
        if (!earlyRepairAllowed) {
            throw new RepairNotAllowed(entryId, Text.of("listing.repair.no-early", listCode, effectiveUntil));
        }
        LocalDate waitStart = repairWaitFrom.start(decidedOn, effectiveFrom, command.correctedOn());
        if (waitStart == null) {
            throw new RepairRefused(entryId, "correctedOn", "listing.repair.corrected-on-required", listCode);
        }
        LocalDate earliest = waitStart.plusMonths(minMonthsBeforeRepair);
        if (command.appliedOn().isBefore(earliest)) {
            throw new RepairNotAllowed(entryId, repairWaitFrom == RepairWaitFrom.DECISION
                    ? Text.of("listing.repair.too-early", listCode, minMonthsBeforeRepair, decidedOn, earliest)
                    : Text.of("listing.repair.too-early-from", listCode, minMonthsBeforeRepair, waitStart, earliest,
                            Text.label(repairWaitFrom)));
        }
        requireRepairCommitment(command);
        LocalDate decideBy = dueDates.decideBy(command.appliedOn(), repairDecisionWorkingDays);
        apply(new RepairAppliedEvent(entryId, subjectCode, command.repairId(), command.methods(),
                command.commitmentId(), command.evidence(), command.appliedOn(), command.correctedOn(), decideBy));
        deadlines.schedule(endOf(decideBy), REPAIR_OVERDUE_DEADLINE, command.repairId().toString());
        return decideBy;
    }

    /**
     * The letter an application names, or must name where the list requires one (两书同达: a 信用修复 commitment is
     * part of the application), is a {@code CREDIT_REPAIR} letter of this entry's subject that the ledger holds.
     */
    private void requireRepairCommitment(ApplyForRepairCommand command) {
        if (command.commitmentId() == null) {
            if (repairCommitmentRequired) {
                throw new RepairRefused(entryId, "commitmentId", "listing.repair.commitment-required", listCode);
            }
            return;
        }
        CommitmentLetter letter = command.commitment();
        if (letter == null || !letter.commitmentId().equals(command.commitmentId())) {
            throw new RepairRefused(entryId, "commitmentId", "listing.repair.commitment-unknown", command.commitmentId());
        }
        if (!letter.subjectCode().equals(subjectCode)) {
            throw new RepairRefused(entryId, "commitmentId", "listing.repair.commitment-other-subject", command.commitmentId());
        }
        if (letter.type() != CommitmentType.CREDIT_REPAIR) {
            throw new RepairRefused(entryId, "commitmentId", "listing.repair.commitment-wrong-type", command.commitmentId(),
                    Text.label(letter.type()), Text.label(CommitmentType.CREDIT_REPAIR));
        }
    }

    /**
     * What the entry alone knows, checked before Axon hands a decision to its {@link Repair}, in this order: the list's
     * authority decides, about an application for this entry, still pending, while the entry is on its list.
     */
    @CommandHandlerInterceptor
    void beforeRepairDecision(DecideRepairCommand command) {
        requireAuthority(command.actingAuthority(), "listing.action.decide-repairs");
        Repair repair = repairs.get(command.repairId());
        if (repair == null) {
            throw new UnknownRepair(entryId, command.repairId());
        }
        if (!repair.isPending()) {
            throw new RepairAlreadyDecided(entryId, command.repairId());
        }
        requireActive();
    }

    @CommandHandler
    void handle(DelistCommand command) {
        requireAuthority(command.actingAuthority(), "listing.action.delist");
        requireActive();
        requireValue("reason", command.reason());
        if (!command.reason().isDirect()) {
            throw new EntryRejected("reason", "listing.exit.not-direct", Text.label(command.reason()));
        }
        if (command.reason().needsDocument() && (command.documentNo() == null || command.documentNo().isBlank())) {
            throw new EntryRejected("documentNo", "listing.exit.document", Text.label(command.reason()));
        }
        if (command.reason() == ExitReason.OTHER && (command.note() == null || command.note().isBlank())) {
            throw new EntryRejected("note", "listing.exit.other-needs-note");
        }
        requireValue("exitedOn", command.exitedOn());
        if (command.exitedOn().isBefore(decidedOn)) {
            throw new EntryRejected("exitedOn", "listing.before-decision", decidedOn);
        }
        apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, command.reason(), command.documentNo(),
                command.note(), command.exitedOn()));
    }

    /**
     * 因列入黑名单撤销, from the {@link RedListRevocation} process. An entry that already exited, for this or any other
     * reason, ignores it: the process may deliver it twice. The exit counts from the black entry's effective date, or
     * this entry's own decision if the black one dates from before it.
     */
    @CommandHandler
    void handle(RevokeOnBlackListingCommand command) {
        if (status == EntryStatus.EXITED) {
            return;
        }
        LocalDate exitedOn = command.exitedOn().isBefore(decidedOn) ? decidedOn : command.exitedOn();
        apply(new SubjectDelistedEvent(entryId, listCode, subjectCode, ExitReason.REVOKED_BY_BLACK_LISTING, null,
                "列入黑名单 " + command.blackListCode() + "（条目 " + command.blackEntryId() + "）", exitedOn,
                command.blackEntryId()));
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
        Objection objection = objections.get(ObjectionId.parse(objectionId));
        if (status == EntryStatus.ACTIVE && objection != null && objection.isOpen()) {
            objection.flagOverdue();
        }
    }

    /**
     * Never cancelled: does nothing when the application it was scheduled for is decided, or the entry exited. The
     * application stays pending; being overdue is a flag for supervisors, as for objections.
     */
    @DeadlineHandler(deadlineName = REPAIR_OVERDUE_DEADLINE)
    void repairDecisionDue(String repairId) {
        Repair repair = repairs.get(RepairId.parse(repairId));
        if (status == EntryStatus.ACTIVE && repair != null && repair.isPending()) {
            repair.flagOverdue();
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
        effectiveFrom = event.effectiveFrom();
        effectiveUntil = event.effectiveUntil();
        earlyRepairAllowed = event.earlyRepairAllowed();
        minMonthsBeforeRepair = event.minMonthsBeforeRepair();
        repairWaitFrom = event.repairWaitFrom();
        repairDecisionWorkingDays = event.repairDecisionWorkingDays();
        repairCommitmentRequired = event.repairCommitmentRequired();
        status = EntryStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ObjectionFiledEvent event) {
        objections.put(event.objectionId(), new Objection(event.objectionId(), entryId, listCode, subjectCode,
                event.filedOn(), event.decideBy()));
    }

    @EventSourcingHandler
    void on(RepairAppliedEvent event) {
        repairs.put(event.repairId(), new Repair(event.repairId(), entryId, listCode, subjectCode, event.appliedOn(),
                event.decideBy()));
    }

    @EventSourcingHandler
    void on(SubjectDelistedEvent event) {
        status = EntryStatus.EXITED;
        exitReason = event.reason();
    }

    private void requireAuthority(String actingAuthority, String whatCode) {
        if (actingAuthority != null && !actingAuthority.equals(listAuthority)) {
            throw new NotTheListsAuthority(Text.of("listing.authority.act", listAuthority, listCode, Text.of(whatCode), entryId));
        }
    }

    private void requireActive() {
        if (status == EntryStatus.EXITED) {
            throw new EntryAlreadyExited(entryId, exitReason);
        }
    }

    /** The first instant after {@code day} in Asia/Shanghai. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BUSINESS_ZONE).toInstant();
    }
}
