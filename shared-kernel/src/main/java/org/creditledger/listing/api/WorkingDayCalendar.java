package org.creditledger.listing.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Working days (工作日) for deadlines counted in working days, such as deciding an objection.
 *
 * <p>A day is a working day if it is an adjusted working day (调休上班, a weekend day worked to make up for a
 * holiday), or else if it is Monday to Friday and not a public holiday. Dates in a year the calendar has no data for
 * therefore fall back to plain Monday to Friday.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
        for (LocalDate day : this.adjustedWorkingDays) {
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException(day + " cannot be both a holiday and an adjusted working day");
            }
        }
    }

    /**
     * The State Council's 2025 schedule (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号).
     * The one place these dates live until they move to configuration with other years.
     */
    public static WorkingDayCalendar china2025() {
        Set<LocalDate> holidays = Set.copyOf(Stream.of(
                range("2025-01-01", "2025-01-01"),  // 元旦
                range("2025-01-28", "2025-02-04"),  // 春节
                range("2025-04-04", "2025-04-06"),  // 清明节
                range("2025-05-01", "2025-05-05"),  // 劳动节
                range("2025-05-31", "2025-06-02"),  // 端午节
                range("2025-10-01", "2025-10-08")   // 国庆节、中秋节
        ).flatMap(s -> s).toList());
        Set<LocalDate> adjusted = Set.of(
                LocalDate.parse("2025-01-26"), LocalDate.parse("2025-02-08"),  // 春节调休 (Sun, Sat)
                LocalDate.parse("2025-04-27"),                                 // 劳动节调休 (Sun)
                LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11")); // 国庆节调休 (Sun, Sat)
        return new WorkingDayCalendar(holidays, adjusted);
    }

    private static Stream<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} itself does not count, whether or not it is a
     * working day); {@code from} when {@code n} is 0.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative but is " + n);
        }
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
