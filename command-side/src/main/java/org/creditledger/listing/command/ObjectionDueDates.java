package org.creditledger.listing.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * The date an authority must decide by, in working days on the calendar: an objection {@code ledger.objection.working-days}
 * after it was filed, a repair application its list's {@code repairDecisionWorkingDays} after it was made.
 */
@Component
@EnableConfigurationProperties(ObjectionProperties.class)
class ObjectionDueDates {

    private static final Logger log = LoggerFactory.getLogger(ObjectionDueDates.class);

    private final WorkingDayCalendar calendar;
    private final int workingDays;

    ObjectionDueDates(WorkingDayCalendar calendar, ObjectionProperties properties) {
        this.calendar = calendar;
        this.workingDays = properties.workingDays();
    }

    LocalDate decideBy(LocalDate filedOn) {
        return decideBy(filedOn, workingDays);
    }

    /** {@code workingDays} after {@code filedOn}, warning when the calendar lacks a year it spans. */
    LocalDate decideBy(LocalDate filedOn, int workingDays) {
        LocalDate decideBy = calendar.addWorkingDays(filedOn, workingDays);
        for (int year = filedOn.getYear(); year <= decideBy.getYear(); year++) {
            if (!calendar.hasDataFor(year)) {
                log.warn(OperatorLog.text("log.calendar.year-without-holidays", decideBy.toString(), filedOn.toString(),
                        Integer.toString(year)));
            }
        }
        return decideBy;
    }
}
