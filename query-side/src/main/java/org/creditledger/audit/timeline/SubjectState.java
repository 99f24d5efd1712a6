package org.creditledger.audit.timeline;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.check.api.Capacity;
import org.creditledger.check.api.CheckMessages.CheckedEntry;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.platform.web.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the ledger knew about a subject at {@code asOf}: the events recorded at or before it. {@code ledgerPosition} is
 * the last of them (by record time, then global index; -1 when there is none), computed as a counter check
 * {@code asOf} the same instant computes its own.
 *
 * @param entries     list entries in force at the instant as known then, as a counter check {@code asOf} it finds them
 *                    (same lookup): entered by then, not exited by then, the instant's Asia/Shanghai date within the
 *                    effective period; {@code disputed} while an objection known then was open then. Not paged: a
 *                    subject is active at most once per list, so these are bounded by the catalogue's lists
 * @param commitments commitment letters posted by then with no outcome (履约/违约) recorded by then, oldest first: one
 *                    page of them ({@code page}, {@code size} parameters), with how many there are in all
 */
public record SubjectState(String subjectCode, Instant asOf, long ledgerPosition, List<InForceEntry> entries,
                           Page<OpenCommitment> commitments) {

    /** A list entry in force, with the fields a counter check's receipt shows. */
    public record InForceEntry(UUID entryId, String listCode, ListColour colour, String authority, String decisionNo,
                               LocalDate effectiveFrom, LocalDate effectiveUntil, boolean disputed, Capacity capacity) {

        static InForceEntry of(CheckedEntry entry) {
            return new InForceEntry(entry.entryId().value(), entry.listCode(), entry.colour(), entry.authority(),
                    entry.decisionNo(), entry.effectiveFrom(), entry.effectiveUntil(), entry.disputed(),
                    entry.capacityOrSubject());
        }
    }

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
