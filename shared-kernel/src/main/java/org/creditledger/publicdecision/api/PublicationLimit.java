package org.creditledger.publicdecision.api;

import org.creditledger.listing.api.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How long after its decision a decision must be published: {@code days} working or calendar days. The decision day
 * itself does not count, so 7 working days after a Friday decision end on the second Tuesday after it (holidays
 * skipped), and 7 calendar days after 1 March end on 8 March.
 */
public record PublicationLimit(DayCounting counting, int days) {

    public static final int DEFAULT_DAYS = 7;

    public PublicationLimit {
        Objects.requireNonNull(counting, "counting");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative but is " + days);
        }
    }

    /** The last day a decision made on {@code decidedOn} may be published on and still count as on time. */
    public LocalDate publishBy(LocalDate decidedOn, WorkingDayCalendar calendar) {
        return switch (counting) {
            case WORKING_DAYS -> calendar.addWorkingDays(decidedOn, days);
            case CALENDAR_DAYS -> decidedOn.plusDays(days);
        };
    }
}
