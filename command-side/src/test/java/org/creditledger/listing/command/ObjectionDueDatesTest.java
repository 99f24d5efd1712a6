package org.creditledger.listing.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Objection deadlines with the default calendar, and the operator's warning when a year has no holiday data. */
@ExtendWith(OutputCaptureExtension.class)
class ObjectionDueDatesTest {

    final ObjectionDueDates dueDates = new ObjectionDueDates(
            WorkingDayCalendar.parse(WorkingDayCalendar.CHINA_HOLIDAYS, WorkingDayCalendar.CHINA_ADJUSTED_WORKING_DAYS),
            new ObjectionProperties(15));

    @Test
    void fifteenWorkingDaysAcrossSpringFestival2026SkipTheHolidaysAndCountTheMakeUpSaturday(CapturedOutput output) {
        // filed Friday 13 Feb 2026: 14 Feb (Saturday, worked) counts, 15-23 Feb are 春节, 28 Feb (Saturday) is worked
        assertThat(dueDates.decideBy(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(output.getOut()).doesNotContain("工作日历没有该年的节假日安排");
    }

    @Test
    void aDeadlineInAYearWithoutHolidayDataIsCountedMondayToFridayWithAWarning(CapturedOutput output) {
        LocalDate decideBy = dueDates.decideBy(LocalDate.of(2027, 1, 28));
        assertThat(decideBy).as("Monday to Friday only: 春节 2027 is not known").isEqualTo(LocalDate.of(2027, 2, 18));
        // operators' log lines are Chinese (log.calendar.year-without-holidays)
        assertThat(output.getOut()).contains("WARN").contains("在 2027 年按周一至周五计算：工作日历没有该年的节假日安排")
                .contains("ledger.calendar.holidays");
    }

    @Test
    void aDeadlineRunningIntoAYearWithoutDataWarnsForThatYear(CapturedOutput output) {
        dueDates.decideBy(LocalDate.of(2026, 12, 24));
        assertThat(output.getOut()).contains("在 2027 年按周一至周五计算").doesNotContain("在 2026 年按周一至周五计算");
    }
}
