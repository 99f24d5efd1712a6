package org.creditledger.check.api;

import org.axonframework.serialization.Revision;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.listing.api.EntryId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Counter checks (嵌入政务服务的信用核查): before granting a service, a government service counter (政务服务窗口) asks
 * whether a subject is on a red or black list and which measures apply to the service's domain.
 *
 * <p>A check is a fact of the ledger like any other: its full answer is recorded as a {@link SubjectCheckedEvent}
 * (no aggregate; the event's identifier is the {@link CheckId}) before the counter receives it, so the receipt is in
 * the hash-chained event store, in the subject's timeline and in a dispute package.
 */
public final class CheckMessages {

    private CheckMessages() {
    }

    /**
     * One list entry a check found in force.
     *
     * @param disputed an objection (异议) against the entry was open: the entry still counts, flagged
     * @param capacity in which capacity the checked code is named on the entry; null in checks recorded before persons
     *                 were checked, which found subjects only
     */
    public record CheckedEntry(EntryId entryId, String listCode, ListColour colour, String authority,
                               String decisionNo, LocalDate effectiveFrom, LocalDate effectiveUntil,
                               boolean disputed, Capacity capacity) {

        /** An entry found with the checked code as its subject. */
        public CheckedEntry(EntryId entryId, String listCode, ListColour colour, String authority, String decisionNo,
                            LocalDate effectiveFrom, LocalDate effectiveUntil, boolean disputed) {
            this(entryId, listCode, colour, authority, decisionNo, effectiveFrom, effectiveUntil, disputed,
                    Capacity.SUBJECT);
        }

        /** The capacity, {@link Capacity#SUBJECT} for checks recorded before it was said. */
        public Capacity capacityOrSubject() {
            return capacity == null ? Capacity.SUBJECT : capacity;
        }
    }

    /**
     * A measure of the checked domain that applies through one of the entries, in the version then current, and whom
     * it binds ({@code binds}: absent in checks recorded before measures said it, which bound the subject alone).
     */
    public record AppliedMeasure(String measureCode, int version, String name, MeasureKind kind, MeasureScope scope,
                                 String legalBasis, List<String> listCodes, MeasureBinds binds) {
        public AppliedMeasure {
            listCodes = listCodes == null ? List.of() : List.copyOf(listCodes);
        }

        /** A measure binding the listed subject. */
        public AppliedMeasure(String measureCode, int version, String name, MeasureKind kind, MeasureScope scope,
                              String legalBasis, List<String> listCodes) {
            this(measureCode, version, name, kind, scope, legalBasis, listCodes, MeasureBinds.SUBJECT);
        }
    }

    /**
     * A broken commitment (违约) of the checked subject that a check found within the look-back window
     * ({@code ledger.commitment.breach-window}), by the date the breach occurred.
     */
    public record CheckedBreach(CommitmentId commitmentId, CommitmentType type, String unitId, String matter,
                                LocalDate occurredOn) {

        /** A breach of these kinds bars the subject from commitment-based approval (国办发〔2020〕42号, seed 002 §一). */
        public boolean barsCommitments() {
            return type == CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE
                    || type == CommitmentType.APPROVAL_REPLACEMENT
                    || type == CommitmentType.ACCEPTANCE_WITH_DEFICIENCIES;
        }
    }

    /**
     * A counter checked {@code subjectCode} for {@code domain}.
     *
     * @param subjectCode    the full code as asked (a 身份证 number is masked only when shown, never when stored)
     * @param matter         the service (办理事项) the counter named, if any
     * @param asOf           the instant the caller asked about, or null for "now"
     * @param checkedAt      when the check was answered (the event's timestamp, millisecond precision)
     * @param ledgerPosition the last event global index the answer reflects
     * @param counterUnit    the unit of the calling key, if it is bound to one
     * @param breaches       the subject's broken commitments within the look-back window; null in checks recorded
     *                       before breaches were checked (they came later as nullable last fields, same revision)
     * @param commitmentEligible whether the subject may use commitment-based approval (告知承诺/审批替代/容缺受理):
     *                       false with a breach that {@linkplain CheckedBreach#barsCommitments() bars it} in the
     *                       window or an entry in force on a black list naming it as subject; null in older checks
     */
    @Revision("1")
    public record SubjectCheckedEvent(CheckId checkId, String subjectCode, MeasureDomain domain, String matter,
                                      Instant asOf, Instant checkedAt, Verdict verdict, List<CheckedEntry> entries,
                                      List<AppliedMeasure> measures, long ledgerPosition, String counterUnit,
                                      List<CheckedBreach> breaches, Boolean commitmentEligible) {
        public SubjectCheckedEvent {
            entries = entries == null ? List.of() : List.copyOf(entries);
            measures = measures == null ? List.of() : List.copyOf(measures);
            breaches = breaches == null ? null : List.copyOf(breaches);
        }

        /** A check as recorded before breaches were checked. */
        public SubjectCheckedEvent(CheckId checkId, String subjectCode, MeasureDomain domain, String matter,
                                   Instant asOf, Instant checkedAt, Verdict verdict, List<CheckedEntry> entries,
                                   List<AppliedMeasure> measures, long ledgerPosition, String counterUnit) {
            this(checkId, subjectCode, domain, matter, asOf, checkedAt, verdict, entries, measures, ledgerPosition,
                    counterUnit, null, null);
        }
    }
}
