package org.creditledger.commitment.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's follow-up (跟踪复核, seed 000: 定期跟踪复核) on {@code asOf} (Asia/Shanghai): its letters still waiting for
 * an outcome and due from {@code asOf} through {@code dueThrough} ({@value #DUE_WITHIN_DAYS} days on), those overdue
 * (due date passed without an outcome), those breached this calendar year (by the date the breach occurred, as
 * corrected), and the overdue letters whose due date is oldest (at most {@value #OLDEST_OVERDUE}). The letter list
 * ({@code GET /commitments?status=OVERDUE}, {@code dueBefore=}) gives the rest.
 */
public record FollowUp(String unitId, LocalDate asOf, LocalDate dueThrough, long dueSoon, long overdue,
                       long breachedThisYear, List<CommitmentView> oldestOverdue) {

    static final int DUE_WITHIN_DAYS = 30;
    static final int OLDEST_OVERDUE = 20;

    record Counts(long dueSoon, long overdue, long breached) {
    }
}
