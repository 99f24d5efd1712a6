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
     * A calendar from text, as configuration holds it: comma-separated dates ({@code 2025-01-01}) or inclusive ranges
     * ({@code 2025-01-28..2025-02-04}); blanks are ignored.
     *
     * @throws IllegalArgumentException naming the entry that is not a date or a range
     */
    public static WorkingDayCalendar parse(String holidays, String adjustedWorkingDays) {
        return new WorkingDayCalendar(dates(holidays), dates(adjustedWorkingDays));
    }

    /** The public holidays of {@link #china2025()}, in the text {@link #parse} reads. */
    public static final String CHINA_2025_HOLIDAYS = "2025-01-01, 2025-01-28..2025-02-04, 2025-04-04..2025-04-06, "
            + "2025-05-01..2025-05-05, 2025-05-31..2025-06-02, 2025-10-01..2025-10-08";

    /** The weekend days worked instead (调休上班) of {@link #china2025()}, in the text {@link #parse} reads. */
    public static final String CHINA_2025_ADJUSTED_WORKING_DAYS = "2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11";

    /**
     * The public holidays of the State Council's 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知, dated
     * 2025-11-04): 元旦 1-3 January, 春节 15-23 February, 清明节 4-6 April, 劳动节 1-5 May, 端午节 19-21 June,
     * 中秋节 25-27 September, 国庆节 1-7 October. Unverified against the official text: transcribed from two reposts of
     * the Xinhua release, the State Council's site (gov.cn) could not be reached when it was entered; check it there.
     */
    public static final String CHINA_2026_HOLIDAYS = "2026-01-01..2026-01-03, 2026-02-15..2026-02-23, 2026-04-04..2026-04-06, "
            + "2026-05-01..2026-05-05, 2026-06-19..2026-06-21, 2026-09-25..2026-09-27, 2026-10-01..2026-10-07";

    /** The weekend days worked instead (调休上班) of the 2026 schedule; unverified like {@link #CHINA_2026_HOLIDAYS}. */
    public static final String CHINA_2026_ADJUSTED_WORKING_DAYS = "2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10";

    /** Every published schedule the ledger carries (2025, 2026): the default of {@code ledger.calendar.holidays}. */
    public static final String CHINA_HOLIDAYS = CHINA_2025_HOLIDAYS + ", " + CHINA_2026_HOLIDAYS;

    /** The adjusted working days of {@link #CHINA_HOLIDAYS}'s years: the default of {@code ledger.calendar.adjusted-working-days}. */
    public static final String CHINA_ADJUSTED_WORKING_DAYS = CHINA_2025_ADJUSTED_WORKING_DAYS + ", " + CHINA_2026_ADJUSTED_WORKING_DAYS;

    /**
     * The State Council's 2025 schedule (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号):
     * 元旦, 春节, 清明节, 劳动节, 端午节, 国庆节与中秋节, and the weekend days worked instead (调休上班). The ledger's
     * defaults ({@code ledger.calendar.*}) are these two constants; operators add later years there.
     */
    public static WorkingDayCalendar china2025() {
        return parse(CHINA_2025_HOLIDAYS, CHINA_2025_ADJUSTED_WORKING_DAYS);
    }

    private static Set<LocalDate> dates(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Stream.of(text.split(",")).map(String::trim).filter(entry -> !entry.isEmpty())
                .flatMap(WorkingDayCalendar::entry).toList());
    }

    private static Stream<LocalDate> entry(String entry) {
        try {
            int dots = entry.indexOf("..");
            if (dots < 0) {
                return Stream.of(LocalDate.parse(entry));
            }
            LocalDate first = LocalDate.parse(entry.substring(0, dots).trim());
            LocalDate last = LocalDate.parse(entry.substring(dots + 2).trim());
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("range " + entry + " ends before it starts");
            }
            return first.datesUntil(last.plusDays(1));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + entry + "' is neither a date (YYYY-MM-DD) nor a range (YYYY-MM-DD..YYYY-MM-DD)", e);
        }
    }

    /**
     * Whether this calendar knows the holidays of {@code year}: it holds at least one holiday or adjusted working day in
     * it. In a year without, {@link #isWorkingDay} is plain Monday to Friday, which is wrong around every holiday.
     */
    public boolean hasDataFor(int year) {
        return Stream.concat(holidays.stream(), adjustedWorkingDays.stream()).anyMatch(day -> day.getYear() == year);
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
