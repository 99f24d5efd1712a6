package org.creditledger.listing.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    final WorkingDayCalendar calendar = WorkingDayCalendar.china2025();

    @Test
    void fifteenWorkingDaysAcrossNationalDayCountTheMakeUpDaysAndSkipTheHolidays() {
        // From Fri 2025-09-26, counting working days after it:
        //  Sat 09-27 no; Sun 09-28 make-up day → 1; Mon 09-29 → 2; Tue 09-30 → 3;
        //  Wed 10-01 .. Wed 10-08 holiday (8 days) no;
        //  Thu 10-09 → 4; Fri 10-10 → 5; Sat 10-11 make-up day → 6; Sun 10-12 no;
        //  Mon 10-13 → 7; Tue 10-14 → 8; Wed 10-15 → 9; Thu 10-16 → 10; Fri 10-17 → 11; weekend no;
        //  Mon 10-20 → 12; Tue 10-21 → 13; Wed 10-22 → 14; Thu 10-23 → 15.
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 15)).isEqualTo(LocalDate.of(2025, 10, 23));
    }

    @Test
    void aPlainWeekIsFiveWorkingDays() {
        // Mon 2025-03-03 + 5 working days = Mon 2025-03-10, no holiday in between
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 3, 3), 5)).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void aSaturdayMakeUpDayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
        // the next working day after Fri 2025-02-07 is that Saturday
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 2, 7), 1)).isEqualTo(LocalDate.of(2025, 2, 8));
    }

    @Test
    void aWeekdayHolidayIsNotAWorkingDayAndAnOrdinaryWeekendIsNeither() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 7))).isTrue();
    }

    @Test
    void aYearWithoutDataFallsBackToMondayToFriday() {
        // 2026-10-01 is a Thursday; with no 2026 data it counts as a working day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 3))).isFalse();
    }

    @Test
    void aCalendarKnowsWhichYearsItHasHolidayDataFor() {
        assertThat(calendar.hasDataFor(2025)).isTrue();
        assertThat(calendar.hasDataFor(2026)).as("china2025() only").isFalse();
        WorkingDayCalendar both = WorkingDayCalendar.parse(WorkingDayCalendar.CHINA_HOLIDAYS, WorkingDayCalendar.CHINA_ADJUSTED_WORKING_DAYS);
        assertThat(both.hasDataFor(2025)).isTrue();
        assertThat(both.hasDataFor(2026)).isTrue();
        assertThat(both.hasDataFor(2027)).isFalse();
        assertThat(WorkingDayCalendar.parse("", "2030-01-05").hasDataFor(2030)).as("an adjusted working day is data too").isTrue();
    }

    @Test
    void zeroWorkingDaysIsTheSameDayAndNegativeCountsAreRefused() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 10, 4), 0)).isEqualTo(LocalDate.of(2025, 10, 4));
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2025, 10, 4), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDayCannotBeBothHolidayAndMakeUpDay() {
        LocalDate day = LocalDate.of(2025, 5, 1);
        assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(day), Set.of(day)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarIsReadFromConfigurationTextWithDatesAndRanges() {
        WorkingDayCalendar configured = WorkingDayCalendar.parse(" 2026-01-01 , 2026-02-15..2026-02-17,", "2026-02-14");
        assertThat(configured.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(configured.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(configured.isWorkingDay(LocalDate.of(2026, 2, 14))).as("a Saturday worked instead").isTrue();
        assertThat(configured.isWorkingDay(LocalDate.of(2026, 2, 18))).isTrue();
    }

    @Test
    void configurationThatIsNotADateOrRangeIsRefusedByName() {
        assertThatThrownBy(() -> WorkingDayCalendar.parse("2026-01-01, 2026-13-01", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> WorkingDayCalendar.parse("2026-02-17..2026-02-15", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before it starts");
    }
}
