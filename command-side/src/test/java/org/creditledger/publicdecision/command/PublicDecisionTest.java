package org.creditledger.publicdecision.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.listing.api.WorkingDayCalendar;
import org.creditledger.publicdecision.api.ComplianceDefect;
import org.creditledger.publicdecision.api.DayCounting;
import org.creditledger.publicdecision.api.DecisionId;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.DecisionSubject;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublicationOverdueEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublishedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionRecordedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.PublishDecisionCommand;
import org.creditledger.publicdecision.api.PublicDecisionMessages.RecordDecisionCommand;
import org.creditledger.publicdecision.api.PublicationChannel;
import org.creditledger.publicdecision.api.PublicationLimit;
import org.creditledger.subject.SubjectKind;
import org.creditledger.unit.api.UnitId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision made on Tuesday 30 September 2025, the day before the National Day holiday (1–8 October 2025, Saturday
 * 11 October worked instead): 7 working days end on Thursday 16 October (9, 10, 11, 13, 14, 15, 16 October), 7
 * calendar days on Tuesday 7 October, in the middle of the holiday.
 */
class PublicDecisionTest {

    static final DecisionId ID = DecisionId.parse("0b5f3c2e-7d1a-4e2b-9c00-000000000001");
    static final UnitId MARKET = new UnitId("gy-market-regulation");
    static final DecisionSubject SUBJECT = new DecisionSubject(SubjectKind.LEGAL_PERSON, "93510521MA6AT8LB0C", "苍溪县某某农民专业合作社");
    static final LocalDate DECIDED = LocalDate.of(2025, 9, 30);
    static final LocalDate RECORDED = LocalDate.of(2025, 10, 9);
    static final String DECISION_NO = "广市监罚〔2025〕12号";
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.parse(WorkingDayCalendar.CHINA_HOLIDAYS,
            WorkingDayCalendar.CHINA_ADJUSTED_WORKING_DAYS);
    static final PublicationLimit SEVEN_WORKING_DAYS = new PublicationLimit(DayCounting.WORKING_DAYS, 7);
    static final PublicationLimit SEVEN_DAYS = new PublicationLimit(DayCounting.CALENDAR_DAYS, 7);
    static final LocalDate SEVEN_WORKING_DAYS_LATER = LocalDate.of(2025, 10, 16);
    /** The end of 16 October 2025 in Shanghai. */
    static final Instant WORKING_LIMIT_ENDS = Instant.parse("2025-10-16T16:00:00Z");
    static final LocalDate SEVEN_DAYS_LATER = LocalDate.of(2025, 10, 7);
    static final Instant CALENDAR_LIMIT_ENDS = Instant.parse("2025-10-07T16:00:00Z");

    static AggregateTestFixture<PublicDecision> fixture(PublicationLimit penaltyLimit) {
        AggregateTestFixture<PublicDecision> fixture = new AggregateTestFixture<>(PublicDecision.class);
        fixture.registerInjectableResource(new PublicationDeadlines(
                Map.of(DecisionKind.LICENSING, SEVEN_WORKING_DAYS, DecisionKind.PENALTY, penaltyLimit), CALENDAR));
        return fixture;
    }

    static RecordDecisionCommand record(String decisionNo, DecisionSubject subject, LocalDate validFrom, LocalDate validUntil) {
        return new RecordDecisionCommand(ID, MARKET, DecisionKind.PENALTY, decisionNo, subject, DECIDED,
                "罚款人民币五千元", validFrom, validUntil, RECORDED);
    }

    static RecordDecisionCommand record() {
        return record(DECISION_NO, SUBJECT, null, null);
    }

    static DecisionRecordedEvent recorded(PublicationLimit limit, LocalDate publishBy, ComplianceDefect... defects) {
        return new DecisionRecordedEvent(ID, MARKET, DecisionKind.PENALTY, DECISION_NO, SUBJECT, DECIDED, "罚款人民币五千元",
                null, null, limit, publishBy, List.of(defects));
    }

    @Test
    void sevenWorkingDaysStepOverTheNationalDayHoliday() {
        fixture(SEVEN_WORKING_DAYS).givenNoPriorActivity()
                .when(record())
                .expectEvents(recorded(SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER))
                .expectScheduledDeadlineWithName(WORKING_LIMIT_ENDS, PublicDecision.PUBLICATION_DEADLINE);
    }

    @Test
    void anUnpublishedDecisionIsNotFlaggedWhileTheHolidayDaysDoNotCount() {
        fixture(SEVEN_WORKING_DAYS).givenCommands(record())
                .whenTimeAdvancesTo(Instant.parse("2025-10-16T15:59:59Z"))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void anUnpublishedDecisionIsFlaggedAtTheEndOfTheSeventhWorkingDay() {
        fixture(SEVEN_WORKING_DAYS).givenCommands(record())
                .whenTimeAdvancesTo(WORKING_LIMIT_ENDS)
                .expectTriggeredDeadlinesWithName(PublicDecision.PUBLICATION_DEADLINE)
                .expectEvents(new DecisionPublicationOverdueEvent(ID, MARKET, DecisionKind.PENALTY, SUBJECT.code(),
                        SEVEN_WORKING_DAYS_LATER));
    }

    @Test
    void theCalendarDayRuleFlagsTheDecisionInTheMiddleOfTheHoliday() {
        fixture(SEVEN_DAYS).givenCommands(record())
                .whenTimeAdvancesTo(CALENDAR_LIMIT_ENDS)
                .expectTriggeredDeadlinesWithName(PublicDecision.PUBLICATION_DEADLINE)
                .expectEvents(new DecisionPublicationOverdueEvent(ID, MARKET, DecisionKind.PENALTY, SUBJECT.code(),
                        SEVEN_DAYS_LATER));
    }

    @Test
    void theCalendarDayRuleRecordsItsOwnLimit() {
        fixture(SEVEN_DAYS).givenNoPriorActivity()
                .when(record())
                .expectEvents(recorded(SEVEN_DAYS, SEVEN_DAYS_LATER))
                .expectScheduledDeadlineWithName(CALENDAR_LIMIT_ENDS, PublicDecision.PUBLICATION_DEADLINE);
    }

    @Test
    void aPublishedDecisionIsNotFlagged() {
        fixture(SEVEN_WORKING_DAYS).givenCommands(record(),
                        new PublishDecisionCommand(ID, LocalDate.of(2025, 10, 13), PublicationChannel.CREDIT_CHINA, MARKET))
                .whenTimeAdvancesTo(WORKING_LIMIT_ENDS)
                .expectTriggeredDeadlinesWithName(PublicDecision.PUBLICATION_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void publicationOnTheLastDayIsOnTime() {
        fixture(SEVEN_WORKING_DAYS).given(recorded(SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER))
                .when(new PublishDecisionCommand(ID, SEVEN_WORKING_DAYS_LATER, PublicationChannel.PORTAL, MARKET))
                .expectEvents(new DecisionPublishedEvent(ID, MARKET, DecisionKind.PENALTY, SUBJECT.code(), DECIDED,
                        SEVEN_WORKING_DAYS_LATER, PublicationChannel.PORTAL, SEVEN_WORKING_DAYS_LATER, true))
                .expectResultMessagePayload(true);
    }

    @Test
    void aFlaggedDecisionMayStillBePublishedLate() {
        LocalDate late = LocalDate.of(2025, 10, 17);
        fixture(SEVEN_WORKING_DAYS).given(recorded(SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER),
                        new DecisionPublicationOverdueEvent(ID, MARKET, DecisionKind.PENALTY, SUBJECT.code(), SEVEN_WORKING_DAYS_LATER))
                .when(new PublishDecisionCommand(ID, late, PublicationChannel.CREDIT_CHINA, null))
                .expectEvents(new DecisionPublishedEvent(ID, MARKET, DecisionKind.PENALTY, SUBJECT.code(), DECIDED,
                        late, PublicationChannel.CREDIT_CHINA, SEVEN_WORKING_DAYS_LATER, false))
                .expectResultMessagePayload(false);
    }

    @Test
    void aDecisionIsPublishedOnce() {
        fixture(SEVEN_WORKING_DAYS).given(recorded(SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER),
                        new DecisionPublishedEvent(ID, MARKET, DecisionKind.PENALTY, SUBJECT.code(), DECIDED,
                                LocalDate.of(2025, 10, 10), PublicationChannel.PORTAL, SEVEN_WORKING_DAYS_LATER, true))
                .when(new PublishDecisionCommand(ID, LocalDate.of(2025, 10, 11), PublicationChannel.CREDIT_CHINA, MARKET))
                .expectException(DecisionAlreadyPublished.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionCannotBePublishedBeforeItWasMade() {
        fixture(SEVEN_WORKING_DAYS).given(recorded(SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER))
                .when(new PublishDecisionCommand(ID, DECIDED.minusDays(1), PublicationChannel.PORTAL, MARKET))
                .expectException(PublicationBeforeDecision.class)
                .expectNoEvents();
    }

    @Test
    void anotherUnitMayNotReportThePublication() {
        fixture(SEVEN_WORKING_DAYS).given(recorded(SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER))
                .when(new PublishDecisionCommand(ID, RECORDED, PublicationChannel.PORTAL, new UnitId("gy-education")))
                .expectException(NotTheDecisionsUnit.class)
                .expectNoEvents();
    }

    @Test
    void aWrongCheckDigitIsRecordedAsADefectNotRefused() {
        DecisionSubject wrongDigit = new DecisionSubject(SubjectKind.LEGAL_PERSON, "93510521MA6AT8LB0D", "苍溪县某某农民专业合作社");
        fixture(SEVEN_WORKING_DAYS).givenNoPriorActivity()
                .when(record(DECISION_NO, wrongDigit, null, null))
                .expectEvents(new DecisionRecordedEvent(ID, MARKET, DecisionKind.PENALTY, DECISION_NO, wrongDigit, DECIDED,
                        "罚款人民币五千元", null, null, SEVEN_WORKING_DAYS, SEVEN_WORKING_DAYS_LATER,
                        List.of(ComplianceDefect.SUBJECT_CODE)));
    }

    @Test
    void complianceChecksTheDecisionNumberAndTheOrderOfTheDates() {
        assertThat(PublicDecision.defects(record())).isEmpty();
        assertThat(PublicDecision.defects(record("川广市监处罚[2025]3号", SUBJECT, DECIDED, DECIDED.plusYears(3)))).isEmpty();
        assertThat(PublicDecision.defects(record("罚款决定书", SUBJECT, null, null))).containsExactly(ComplianceDefect.DECISION_NO);
        assertThat(PublicDecision.defects(record(DECISION_NO, SUBJECT, DECIDED, DECIDED.minusDays(1))))
                .as("valid until before valid from").containsExactly(ComplianceDefect.DATES);
        assertThat(PublicDecision.defects(record(DECISION_NO, SUBJECT, DECIDED.minusDays(1), null)))
                .as("valid from before the decision").containsExactly(ComplianceDefect.DATES);
        assertThat(PublicDecision.defects(new RecordDecisionCommand(ID, MARKET, DecisionKind.LICENSING, DECISION_NO, SUBJECT,
                RECORDED.plusDays(1), "准予许可", null, null, RECORDED)))
                .as("decided after the day it was recorded").containsExactly(ComplianceDefect.DATES);
    }
}
