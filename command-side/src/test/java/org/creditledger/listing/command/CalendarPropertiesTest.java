package org.creditledger.listing.command;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.testing.SettingsBinding.bind;
import static org.creditledger.testing.SettingsBinding.defaults;
import static org.creditledger.testing.SettingsBinding.refusal;

class CalendarPropertiesTest {

    @Test
    void withoutSettingsTheCalendarIsTheStateCouncils2025Schedule() {
        var calendar = defaults(CalendarProperties.class).calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("国庆节与中秋节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("a Sunday worked instead").isTrue();
    }

    @Test
    void withoutSettingsTheCalendarAlsoHoldsTheStateCouncils2026Schedule() {
        var calendar = defaults(CalendarProperties.class).calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("春节, a Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("春节's last day, a Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("a Saturday worked instead").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("a Saturday worked instead").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).as("国庆节, a Wednesday").isFalse();
        assertThat(calendar.hasDataFor(2026)).isTrue();
        assertThat(calendar.hasDataFor(2027)).isFalse();
    }

    @Test
    void anOperatorAddsALaterYear() {
        var calendar = bind(CalendarProperties.class, Map.of(
                "ledger.calendar.holidays", "2026-01-01..2026-01-03",
                "ledger.calendar.adjusted-working-days", "2026-01-04")).calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
    }

    @Test
    void aWrongCalendarStopsTheStartNamingTheSettingAndTheEntry() {
        assertThat(refusal(CalendarProperties.class, Map.of("ledger.calendar.holidays", "2026-01-01, 2026-02-30")))
                .isEqualTo("ledger.calendar.holidays: '2026-02-30' is neither a date (YYYY-MM-DD) nor a range (YYYY-MM-DD..YYYY-MM-DD)");
        assertThat(refusal(CalendarProperties.class, Map.of("ledger.calendar.adjusted-working-days", "2026-01-04..2026-01-03")))
                .isEqualTo("ledger.calendar.adjusted-working-days: range 2026-01-04..2026-01-03 ends before it starts");
        assertThat(refusal(CalendarProperties.class, Map.of(
                "ledger.calendar.holidays", "2026-01-01", "ledger.calendar.adjusted-working-days", "2026-01-01")))
                .isEqualTo("ledger.calendar: 2026-01-01 cannot be both a holiday and an adjusted working day");
    }
}
