package org.creditledger.listing.api;

import java.time.LocalDate;

/**
 * The last day of a listing period of whole months that counts its first day (公示期 from the effective date): the day
 * before the date with the same day number {@code months} later. When that month has no such day (an entry from
 * 29 February, or from the 31st), the period ends on that month's last day, as 《民法典》 第二百零三条 counts a
 * period with no corresponding day — not a day earlier, which {@code plusMonths(n).minusDays(1)} would give.
 */
public final class ListingPeriod {

    private ListingPeriod() {
    }

    public static LocalDate lastDay(LocalDate effectiveFrom, int months) {
        LocalDate corresponding = effectiveFrom.plusMonths(months);
        boolean noSuchDay = corresponding.getDayOfMonth() != effectiveFrom.getDayOfMonth();
        return noSuchDay ? corresponding : corresponding.minusDays(1);
    }
}
