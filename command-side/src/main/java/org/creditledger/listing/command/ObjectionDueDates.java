package org.creditledger.listing.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The date an authority must decide an objection by: {@code ledger.objection.working-days} after it was filed. */
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
        LocalDate decideBy = calendar.addWorkingDays(filedOn, workingDays);
        for (int year = filedOn.getYear(); year <= decideBy.getYear(); year++) {
            if (!calendar.hasDataFor(year)) {
                log.warn("Objection deadline {} (filed {}) counted Monday to Friday in {}: the working-day calendar has no holidays"
                        + " for {}. Add that year's State Council schedule to ledger.calendar.holidays and"
                        + " ledger.calendar.adjusted-working-days.", decideBy, filedOn, year, year);
            }
        }
        return decideBy;
    }
}
