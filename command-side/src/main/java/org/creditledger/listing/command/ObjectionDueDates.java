package org.creditledger.listing.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The date an authority must decide an objection by: {@code ledger.objection.working-days} after it was filed. */
@Component
@EnableConfigurationProperties(ObjectionProperties.class)
class ObjectionDueDates {

    private final WorkingDayCalendar calendar;
    private final int workingDays;

    ObjectionDueDates(WorkingDayCalendar calendar, ObjectionProperties properties) {
        this.calendar = calendar;
        this.workingDays = properties.workingDays();
    }

    LocalDate decideBy(LocalDate filedOn) {
        return calendar.addWorkingDays(filedOn, workingDays);
    }
}
