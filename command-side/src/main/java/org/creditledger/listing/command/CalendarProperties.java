package org.creditledger.listing.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar for objection deadlines ({@code ledger.calendar.*}): the State Council's holiday schedules
 * (国务院办公厅), as comma-separated dates ({@code 2025-01-01}) or inclusive ranges ({@code 2025-01-28..2025-02-04}).
 * Years without data count Monday to Friday (an objection deadline computed in such a year logs a warning), so each
 * year's schedule is added when it is published. A date that does
 * not parse, a range that ends before it starts, or a day that is both a holiday and a worked day stops the start.
 *
 * @param holidays            public holidays; the default is the 2025 and 2026 schedules
 * @param adjustedWorkingDays weekend days worked instead of a holiday (调休上班); the default is the 2025 and 2026 schedules
 */
@ConfigurationProperties("ledger.calendar")
record CalendarProperties(@DefaultValue(WorkingDayCalendar.CHINA_HOLIDAYS) String holidays,
                          @DefaultValue(WorkingDayCalendar.CHINA_ADJUSTED_WORKING_DAYS) String adjustedWorkingDays) {

    CalendarProperties {
        refuseUnlessValid("ledger.calendar.holidays", holidays, "");
        refuseUnlessValid("ledger.calendar.adjusted-working-days", "", adjustedWorkingDays);
        refuseUnlessValid("ledger.calendar", holidays, adjustedWorkingDays); // a day both a holiday and worked
    }

    WorkingDayCalendar calendar() {
        return WorkingDayCalendar.parse(holidays, adjustedWorkingDays);
    }

    private static void refuseUnlessValid(String setting, String holidays, String adjustedWorkingDays) {
        try {
            WorkingDayCalendar.parse(holidays, adjustedWorkingDays);
        } catch (IllegalArgumentException e) {
            // without a cause: the start-up failure report shows the root cause's message, and this one names the setting
            throw new IllegalArgumentException(setting + ": " + e.getMessage());
        }
    }
}
