package org.creditledger.audit.timeline;

import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the ledger knew about a subject at {@code asOf}: the events recorded by then, up to and including the one at
 * {@code ledgerPosition} (the highest global index recorded at or before {@code asOf}; -1 when nothing was).
 *
 * @param commitments commitment letters posted by then with no outcome (履约/违约) recorded by then, oldest first
 */
public record SubjectState(String subjectCode, Instant asOf, long ledgerPosition, List<OpenCommitment> commitments) {

    /**
     * A commitment open at the instant.
     *
     * @param status       {@code POSTED}, or {@code OVERDUE} when its due date had ended without an outcome, as known then
     * @param overdueSince when the ledger recorded it overdue, if it had by then
     */
    public record OpenCommitment(UUID commitmentId, String unitId, CommitmentType type, String matter,
                                 LocalDate signedOn, LocalDate dueDate, CommitmentStatus status, Instant recordedAt,
                                 Instant overdueSince) {
    }
}
