package org.creditledger.listing.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ListingPeriodTest {

    @ParameterizedTest(name = "{0} + {1} months ends on {2}")
    @CsvSource({
            "2025-03-10, 36, 2028-03-09",   // an ordinary day: the day before the same date
            "2024-02-29, 24, 2026-02-28",   // leap day, no 29 February in 2026: the month's last day
            "2024-02-29, 48, 2028-02-28",   // leap day to leap year: the day before 29 February 2028
            "2025-03-31, 1, 2025-04-30",    // no 31 April: the month's last day
            "2025-03-01, 1, 2025-03-31",    // from the first: the whole month
            "2025-01-31, 1, 2025-02-28",
            "2023-12-31, 2, 2024-02-29"})
    void theLastDayOfAPeriodCountsItsFirstDay(LocalDate from, int months, LocalDate lastDay) {
        assertThat(ListingPeriod.lastDay(from, months)).isEqualTo(lastDay);
    }
}
