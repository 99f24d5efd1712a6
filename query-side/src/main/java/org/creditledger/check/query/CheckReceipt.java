package org.creditledger.check.query;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.check.api.CheckMessages.AppliedMeasure;
import org.creditledger.check.api.Capacity;
import org.creditledger.check.api.CheckMessages.CheckedBreach;
import org.creditledger.check.api.CheckMessages.CheckedEntry;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.check.api.Verdict;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.subject.SubjectCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A check's answer as the counter receives it and as {@code GET /checks/{checkId}} shows it later: the recorded
 * {@link SubjectCheckedEvent}, with the subject's code masked for callers who may not see a natural person's number.
 *
 * @param asOf      the instant the answer is for: the one asked, or {@code checkedAt} for a live check
 * @param checkedBy the id of the API key that asked
 * @param breaches  the subject's broken commitments within the look-back window; empty in checks recorded before
 *                  breaches were checked
 * @param commitmentEligible whether the subject may use commitment-based approval (告知承诺/审批替代/容缺受理);
 *                  absent in checks recorded before it was answered
 */
record CheckReceipt(UUID checkId, Verdict verdict, String subjectCode, MeasureDomain domain, String matter,
                    Instant asOf, Instant checkedAt, List<Entry> entries, List<AppliedMeasure> measures,
                    long ledgerPosition, String counterUnit, String checkedBy, List<Breach> breaches,
                    Boolean commitmentEligible) {

    record Breach(UUID commitmentId, CommitmentType type, String unitId, String matter, LocalDate occurredOn) {

        static Breach of(CheckedBreach breach) {
            return new Breach(breach.commitmentId().value(), breach.type(), breach.unitId(), breach.matter(),
                    breach.occurredOn());
        }
    }

    record Entry(UUID entryId, String listCode, ListColour colour, String authority, String decisionNo,
                 LocalDate effectiveFrom, LocalDate effectiveUntil, boolean disputed, Capacity capacity) {

        static Entry of(CheckedEntry entry) {
            return new Entry(entry.entryId().value(), entry.listCode(), entry.colour(), entry.authority(),
                    entry.decisionNo(), entry.effectiveFrom(), entry.effectiveUntil(), entry.disputed(),
                    entry.capacityOrSubject());
        }
    }

    static CheckReceipt of(SubjectCheckedEvent event, String checkedBy, boolean maskNaturalPersons) {
        String code = maskNaturalPersons ? new SubjectCode(event.subjectCode()).masked() : event.subjectCode();
        return new CheckReceipt(event.checkId().value(), event.verdict(), code, event.domain(), event.matter(),
                event.asOf() != null ? event.asOf() : event.checkedAt(), event.checkedAt(),
                event.entries().stream().map(Entry::of).toList(), event.measures(), event.ledgerPosition(),
                event.counterUnit(), checkedBy,
                event.breaches() == null ? List.of() : event.breaches().stream().map(Breach::of).toList(),
                event.commitmentEligible());
    }
}
