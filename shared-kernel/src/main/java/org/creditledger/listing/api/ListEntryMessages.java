package org.creditledger.listing.api;

import org.creditledger.catalogue.api.CatalogueMessages;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentLetter;
import org.creditledger.subject.SubjectRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Commands and events of list entries (列入 … 移出): a subject on a red or black list, objections (异议) against the
 * entry and credit repair (信用修复) out of it.
 *
 * <p>The aggregate does no I/O, so commands carry what it needs from the list catalogue (authority, whether early
 * repair is allowed, the minimum time before repair, the period's end) and from the working-day calendar (an
 * objection's decision date), resolved by the caller. {@code actingAuthority} is the authority of the
 * {@code LIST_AUTHORITY} key sending the command, or null for an administrator; it must be the list's authority.
 * Follow-up events carry the subject's code so a subject's timeline needs no join.
 */
public final class ListEntryMessages {

    private ListEntryMessages() {
    }

    /**
     * 列入: an authority enters a subject on one of its lists by decision {@code decisionNo} of {@code decidedOn}.
     * {@code effectiveUntil} is already defaulted by the caller from the list's period; the entry expires by itself
     * at the end of that day (Asia/Shanghai). {@code listColour} and {@code revokedOnBlackListing} are the list's, as
     * the catalogue defines it now, so the red-list revocation process needs no lookup. So are the repair rules
     * ({@code repairWaitFrom}, {@code repairDecisionWorkingDays}, {@code repairCommitmentRequired}; see
     * {@code SaveListDefinitionCommand}): the entry keeps the rules it was entered under, like its minimum wait.
     */
    public record EnterListCommand(@TargetAggregateIdentifier EntryId entryId, String listCode, String listAuthority,
                                   SubjectRef subject, String decisionNo, LocalDate decidedOn, String reason,
                                   LocalDate effectiveFrom, LocalDate effectiveUntil, NamedPerson legalRepresentative,
                                   List<NamedPerson> responsiblePersons, boolean earlyRepairAllowed,
                                   int minMonthsBeforeRepair, String actingAuthority, ListColour listColour,
                                   boolean revokedOnBlackListing, RepairWaitFrom repairWaitFrom,
                                   int repairDecisionWorkingDays, boolean repairCommitmentRequired) {
        public EnterListCommand {
            responsiblePersons = responsiblePersons == null ? List.of() : List.copyOf(responsiblePersons);
            repairWaitFrom = RepairWaitFrom.orDefault(repairWaitFrom);
        }

        /** An entry on a list with the default repair rules. */
        public EnterListCommand(EntryId entryId, String listCode, String listAuthority, SubjectRef subject,
                                String decisionNo, LocalDate decidedOn, String reason, LocalDate effectiveFrom,
                                LocalDate effectiveUntil, NamedPerson legalRepresentative,
                                List<NamedPerson> responsiblePersons, boolean earlyRepairAllowed,
                                int minMonthsBeforeRepair, String actingAuthority, ListColour listColour,
                                boolean revokedOnBlackListing) {
            this(entryId, listCode, listAuthority, subject, decisionNo, decidedOn, reason, effectiveFrom, effectiveUntil,
                    legalRepresentative, responsiblePersons, earlyRepairAllowed, minMonthsBeforeRepair, actingAuthority,
                    listColour, revokedOnBlackListing, RepairWaitFrom.DEFAULT, DEFAULT_REPAIR_DECISION_WORKING_DAYS, false);
        }
    }

    /** Working days an authority has to decide a repair application unless its list says otherwise. */
    public static final int DEFAULT_REPAIR_DECISION_WORKING_DAYS =
            CatalogueMessages.SaveListDefinitionCommand.DEFAULT_REPAIR_DECISION_WORKING_DAYS;

    /**
     * {@code listColour} is null in events stored before the colour was carried (issue 12): such an entry is neither
     * black nor red to the red-list revocation process.
     *
     * <p>Revision 2 names the legal representative and the responsible persons as {@link NamedPerson}s; revision 1
     * named them by bare strings, and {@code SubjectListedEventUpcaster} (platform) reads those as persons without
     * code or role.
     *
     * <p>The repair rules were added at the end (issue 12); an event stored before reads them as the defaults, which
     * is what the entry did then: the wait counts from the decision, {@value #DEFAULT_REPAIR_DECISION_WORKING_DAYS}
     * working days to decide, no commitment letter required.
     */
    @Revision("2")
    public record SubjectListedEvent(EntryId entryId, String listCode, String listAuthority, SubjectRef subject,
                                     String decisionNo, LocalDate decidedOn, String reason, LocalDate effectiveFrom,
                                     LocalDate effectiveUntil, NamedPerson legalRepresentative,
                                     List<NamedPerson> responsiblePersons, boolean earlyRepairAllowed,
                                     int minMonthsBeforeRepair, ListColour listColour, boolean revokedOnBlackListing,
                                     RepairWaitFrom repairWaitFrom, Integer repairDecisionWorkingDays,
                                     Boolean repairCommitmentRequired) {

        public SubjectListedEvent {
            responsiblePersons = responsiblePersons == null ? List.of() : List.copyOf(responsiblePersons);
            repairWaitFrom = RepairWaitFrom.orDefault(repairWaitFrom);
            repairDecisionWorkingDays = repairDecisionWorkingDays == null ? DEFAULT_REPAIR_DECISION_WORKING_DAYS
                    : repairDecisionWorkingDays;
            repairCommitmentRequired = Boolean.TRUE.equals(repairCommitmentRequired);
        }

        /** A listing with the default repair rules. */
        public SubjectListedEvent(EntryId entryId, String listCode, String listAuthority, SubjectRef subject,
                                  String decisionNo, LocalDate decidedOn, String reason, LocalDate effectiveFrom,
                                  LocalDate effectiveUntil, NamedPerson legalRepresentative,
                                  List<NamedPerson> responsiblePersons, boolean earlyRepairAllowed,
                                  int minMonthsBeforeRepair, ListColour listColour, boolean revokedOnBlackListing) {
            this(entryId, listCode, listAuthority, subject, decisionNo, decidedOn, reason, effectiveFrom, effectiveUntil,
                    legalRepresentative, responsiblePersons, earlyRepairAllowed, minMonthsBeforeRepair, listColour,
                    revokedOnBlackListing, null, null, null);
        }

        /**
         * The first day a repair may be applied for, when the entry alone can tell: early repair allowed and the wait
         * counting from the decision or the entry. Null otherwise (no early repair; or from the correction, which
         * only the application states).
         */
        public LocalDate repairEligibleFrom() {
            if (!earlyRepairAllowed || repairWaitFrom == RepairWaitFrom.CORRECTION) {
                return null;
            }
            return repairWaitFrom.earliestRepair(decidedOn, effectiveFrom, null, minMonthsBeforeRepair);
        }

        /** A listing as stored before the list's colour was carried. */
        public SubjectListedEvent(EntryId entryId, String listCode, String listAuthority, SubjectRef subject,
                                  String decisionNo, LocalDate decidedOn, String reason, LocalDate effectiveFrom,
                                  LocalDate effectiveUntil, NamedPerson legalRepresentative, List<NamedPerson> responsiblePersons,
                                  boolean earlyRepairAllowed, int minMonthsBeforeRepair) {
            this(entryId, listCode, listAuthority, subject, decisionNo, decidedOn, reason, effectiveFrom, effectiveUntil,
                    legalRepresentative, responsiblePersons, earlyRepairAllowed, minMonthsBeforeRepair, null, false);
        }
    }

    /**
     * 异议: the subject disputes the entry. The subject files it with the list's authority, which records it here (or
     * an administrator does); {@code decideBy} is the date the authority must decide by, computed by the caller, by
     * default {@link #DEFAULT_WORKING_DAYS_TO_DECIDE} working days after {@code filedOn}
     * ({@link WorkingDayCalendar#addWorkingDays}).
     */
    public record FileObjectionCommand(@TargetAggregateIdentifier EntryId entryId, ObjectionId objectionId,
                                       String grounds, LocalDate filedOn, LocalDate decideBy, String actingAuthority) {
        /** Working days an authority has to decide an objection unless configured otherwise. */
        public static final int DEFAULT_WORKING_DAYS_TO_DECIDE = 15;
    }

    /** An objection was filed; the entry is disputed while it is open. */
    @Revision("1")
    public record ObjectionFiledEvent(EntryId entryId, String subjectCode, ObjectionId objectionId, String grounds,
                                      LocalDate filedOn, LocalDate decideBy) {
    }

    /** {@code decideBy} ended (Asia/Shanghai) with the objection undecided. It stays open and may still be decided. */
    @Revision("1")
    public record ObjectionOverdueEvent(EntryId entryId, String subjectCode, ObjectionId objectionId,
                                        LocalDate decideBy) {
    }

    /** The list's authority decides an open objection: upheld (异议成立, the entry exits) or rejected. */
    public record DecideObjectionCommand(@TargetAggregateIdentifier EntryId entryId, ObjectionId objectionId,
                                         boolean upheld, String reason, LocalDate decidedOn, String actingAuthority) {
    }

    /** 异议成立; followed in the same unit of work by {@link SubjectDelistedEvent} with {@code OBJECTION_UPHELD}. */
    @Revision("1")
    public record ObjectionUpheldEvent(EntryId entryId, String subjectCode, ObjectionId objectionId, String reason,
                                       LocalDate decidedOn) {
    }

    /** 异议不成立: the entry stays; it is no longer disputed. */
    @Revision("1")
    public record ObjectionRejectedEvent(EntryId entryId, String subjectCode, ObjectionId objectionId, String reason,
                                         LocalDate decidedOn) {
    }

    /**
     * 信用修复申请: the subject applies to leave the list early, with at least one method and its evidence;
     * {@code commitmentId} names the credit repair commitment letter, if there is one. Sent by the list's authority
     * (谁认定、谁修复), which receives applications through 信用中国.
     *
     * <p>{@code correctedOn}: the day the subject corrected the failure, needed where the list's wait counts from it.
     * {@code commitment}: the letter {@code commitmentId} names as the command side's letter lookup knows it, resolved
     * by the caller; null when no letter has that id (or none is named). The entry judges both.
     */
    public record ApplyForRepairCommand(@TargetAggregateIdentifier EntryId entryId, RepairId repairId,
                                        Set<RepairMethod> methods, CommitmentId commitmentId, String evidence,
                                        LocalDate appliedOn, String actingAuthority, LocalDate correctedOn,
                                        CommitmentLetter commitment) {
        public ApplyForRepairCommand {
            methods = methods == null ? Set.of() : Set.copyOf(methods);
        }

        /** An application without a correction date and with no letter found for {@code commitmentId}. */
        public ApplyForRepairCommand(EntryId entryId, RepairId repairId, Set<RepairMethod> methods,
                                     CommitmentId commitmentId, String evidence, LocalDate appliedOn,
                                     String actingAuthority) {
            this(entryId, repairId, methods, commitmentId, evidence, appliedOn, actingAuthority, null, null);
        }
    }

    /**
     * {@code correctedOn} and {@code decideBy} were added at the end (issue 12), null in events stored before:
     * {@code decideBy} is the date the authority must decide by (the list's working days after {@code appliedOn}).
     */
    @Revision("1")
    public record RepairAppliedEvent(EntryId entryId, String subjectCode, RepairId repairId,
                                     Set<RepairMethod> methods, CommitmentId commitmentId, String evidence,
                                     LocalDate appliedOn, LocalDate correctedOn, LocalDate decideBy) {

        /** An application as stored before it carried a correction date and a decision deadline. */
        public RepairAppliedEvent(EntryId entryId, String subjectCode, RepairId repairId, Set<RepairMethod> methods,
                                  CommitmentId commitmentId, String evidence, LocalDate appliedOn) {
            this(entryId, subjectCode, repairId, methods, commitmentId, evidence, appliedOn, null, null);
        }
    }

    /** {@code decideBy} ended (Asia/Shanghai) with the repair undecided. It stays pending and may still be decided. */
    @Revision("1")
    public record RepairOverdueEvent(EntryId entryId, String subjectCode, RepairId repairId, LocalDate decideBy) {
    }

    /** The list's authority decides a pending repair: approved (the entry exits {@code REPAIRED}) or rejected. */
    public record DecideRepairCommand(@TargetAggregateIdentifier EntryId entryId, RepairId repairId, boolean approved,
                                      String reason, LocalDate decidedOn, String actingAuthority) {
    }

    /** Repair approved; followed in the same unit of work by {@link SubjectDelistedEvent} with {@code REPAIRED}. */
    @Revision("1")
    public record RepairApprovedEvent(EntryId entryId, String subjectCode, RepairId repairId, String reason,
                                      LocalDate decidedOn) {
    }

    /** Repair rejected: the entry stays; a new application may follow. */
    @Revision("1")
    public record RepairRejectedEvent(EntryId entryId, String subjectCode, RepairId repairId, String reason,
                                      LocalDate decidedOn) {
    }

    /**
     * 移出 by the list's authority for a reason of its own: {@link ExitReason#REVOKED} or
     * {@link ExitReason#COURT_ORDER} (both with {@code documentNo}) or {@link ExitReason#OTHER}. Expiry, repair and
     * upheld objections have their own paths.
     */
    public record DelistCommand(@TargetAggregateIdentifier EntryId entryId, ExitReason reason, String documentNo,
                                String note, LocalDate exitedOn, String actingAuthority) {
    }

    /**
     * 移出: the entry left its list on {@code exitedOn}, for good. Carries list and subject so the "one active entry
     * per subject and list" lookup can free the slot from this event alone.
     */
    @Revision("1")
    public record SubjectDelistedEvent(EntryId entryId, String listCode, String subjectCode, ExitReason reason,
                                       String documentNo, String note, LocalDate exitedOn, EntryId revokedBy) {

        /** An exit for any reason but {@link ExitReason#REVOKED_BY_BLACK_LISTING}, which names its black entry. */
        public SubjectDelistedEvent(EntryId entryId, String listCode, String subjectCode, ExitReason reason,
                                    String documentNo, String note, LocalDate exitedOn) {
            this(entryId, listCode, subjectCode, reason, documentNo, note, exitedOn, null);
        }
    }

    /**
     * 因列入黑名单撤销: the subject of this red-list entry entered black list {@code blackListCode} by entry
     * {@code blackEntryId}, and this entry's list is revoked on black listing. Sent by {@code RedListRevocation}, never
     * by a person; an entry that already exited ignores it, so the process may send it again safely.
     */
    public record RevokeOnBlackListingCommand(@TargetAggregateIdentifier EntryId entryId, EntryId blackEntryId,
                                              String blackListCode, LocalDate exitedOn) {
    }
}
