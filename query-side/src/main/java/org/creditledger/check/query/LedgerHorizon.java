package org.creditledger.check.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How far into the ledger a read looks: either everything up to a ledger position (a live check reads what its
 * projection has processed) or everything recorded by an instant (a check or a state "as of" a past instant). Both
 * read the same rows with the same query; only the column pair compared differs ({@code *_position} or
 * {@code *_at}). {@code day} is the date of the instant in Asia/Shanghai, against which entries' effective periods
 * are compared.
 */
public record LedgerHorizon(Long position, Instant recordedBy, Instant instant) {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Everything the projection has processed up to {@code position}, judged on the date of {@code now}. */
    public static LedgerHorizon upToPosition(long position, Instant now) {
        return new LedgerHorizon(position, null, now);
    }

    /** Everything recorded at or before {@code instant}. */
    public static LedgerHorizon recordedBy(Instant instant) {
        return new LedgerHorizon(null, instant, instant);
    }

    public LocalDate day() {
        return LocalDate.ofInstant(instant, SHANGHAI);
    }

    /** The suffix of the column pair to compare: {@code position} or {@code at}. */
    String columns() {
        return position != null ? "position" : "at";
    }

    /** The value compared with those columns. */
    Object bound() {
        return position != null ? position : OffsetDateTime.ofInstant(recordedBy, ZoneOffset.UTC);
    }
}
