package org.creditledger.publicdecision.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.creditledger.publicdecision.api.DayCounting;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicationLimit;
import org.creditledger.platform.i18n.OperatorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The last day a decision may be published on: its kind's {@link PublicationLimit} counted from the decision day with
 * the working-day calendar. A resource of the {@link PublicDecision} aggregate (its command handler's parameter), so
 * the fixture tests give it their own calendar and limits.
 */
public class PublicationDeadlines {

    private static final Logger log = LoggerFactory.getLogger(PublicationDeadlines.class);

    private final Map<DecisionKind, PublicationLimit> limits;
    private final WorkingDayCalendar calendar;

    public PublicationDeadlines(Map<DecisionKind, PublicationLimit> limits, WorkingDayCalendar calendar) {
        this.limits = new EnumMap<>(limits);
        for (DecisionKind kind : DecisionKind.values()) {
            if (!this.limits.containsKey(kind)) {
                throw new IllegalArgumentException("no publication limit for " + kind);
            }
        }
        this.calendar = calendar;
    }

    PublicationLimit limit(DecisionKind kind) {
        return limits.get(kind);
    }

    LocalDate publishBy(DecisionKind kind, LocalDate decidedOn) {
        PublicationLimit limit = limit(kind);
        LocalDate publishBy = limit.publishBy(decidedOn, calendar);
        if (limit.counting() == DayCounting.WORKING_DAYS) {
            for (int year = decidedOn.getYear(); year <= publishBy.getYear(); year++) {
                if (!calendar.hasDataFor(year)) {
                    log.warn(OperatorLog.text("log.public-decision.year-without-holidays", publishBy.toString(),
                            decidedOn.toString(), Integer.toString(year)));
                }
            }
        }
        return publishBy;
    }
}
