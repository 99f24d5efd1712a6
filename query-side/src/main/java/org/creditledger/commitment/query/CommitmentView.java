package org.creditledger.commitment.query;

import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.subject.SubjectKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A commitment letter (信用承诺书) as it stands now. {@code recordedAt} is when the ledger recorded it;
 * {@code outcome} is its fulfilment record (履约践诺信息), once there is one; {@code overdueSince} is when the ledger
 * marked it overdue, kept when an outcome came later; {@code letterNo} is the unit's own number of the letter
 * (承诺书编号), if it has one. Absent parts are left out of the JSON.
 */
public record CommitmentView(UUID commitmentId, String unitId, String letterNo, CommitmentType type, Subject subject,
                             String matter, String content, LocalDate signedOn, LocalDate dueDate,
                             CommitmentStatus status, Instant recordedAt, OutcomeView outcome, Instant overdueSince) {

    /** The credit subject (信用主体) the letter is about. */
    public record Subject(SubjectKind kind, String code, String name) {
    }

    /**
     * {@code recordedAt} and {@code note} are those of the first record; after a correction, {@code outcome} and
     * {@code occurredOn} are the corrected ones and {@code correctedAt}/{@code correctionReason} say when and why (the
     * history keeps both records).
     */
    public record OutcomeView(Outcome outcome, LocalDate occurredOn, String note, Instant recordedAt,
                              Instant correctedAt, String correctionReason) {
    }
}
