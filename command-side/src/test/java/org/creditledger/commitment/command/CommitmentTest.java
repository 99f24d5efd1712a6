package org.creditledger.commitment.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CorrectOutcomeCommand;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.CommitmentMessages.PostCommitmentCommand;
import org.creditledger.commitment.api.CommitmentMessages.RecordOutcomeCommand;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.unit.api.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

class CommitmentTest {

    static final CommitmentId ID = CommitmentId.parse("6f1c2a3e-2b1d-4c5e-9f00-000000000001");
    static final UnitId MARKET = new UnitId("gy-market-regulation");
    static final SubjectRef SUBJECT = new SubjectRef(SubjectKind.LEGAL_PERSON, "91110108MA01R7K44D", "广元市某某建材有限公司");
    static final LocalDate SIGNED = LocalDate.of(2025, 3, 1);
    static final LocalDate DUE = LocalDate.of(2025, 6, 30);

    AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    static PostCommitmentCommand post(LocalDate dueDate) {
        return new PostCommitmentCommand(ID, MARKET, CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE, SUBJECT,
                "食品经营许可", "承诺所提交材料真实有效", SIGNED, dueDate, null);
    }

    static CommitmentPostedEvent posted(LocalDate dueDate) {
        return new CommitmentPostedEvent(ID, MARKET, CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE, SUBJECT,
                "食品经营许可", "承诺所提交材料真实有效", SIGNED, dueDate, null);
    }

    @Test
    void postingRecordsTheLetter() {
        fixture.givenNoPriorActivity()
                .when(post(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(posted(null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDueDateSchedulesTheOverdueDeadlineAtTheEndOfThatDayInShanghai() {
        fixture.givenNoPriorActivity()
                .when(post(DUE))
                .expectEvents(posted(DUE))
                // 2025-07-01T00:00+08:00 is 2025-06-30T16:00Z
                .expectScheduledDeadlineWithName(Instant.parse("2025-06-30T16:00:00Z"), Commitment.OVERDUE_DEADLINE);
    }

    @Test
    void dueDateBeforeSigningIsRejected() {
        fixture.givenNoPriorActivity()
                .when(post(SIGNED.minusDays(1)))
                .expectException(CommitmentRejected.class)
                .expectNoEvents();
    }

    @Test
    void fulfilmentIsRecorded() {
        fixture.given(posted(null))
                .when(new RecordOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 4, 1), "按期办结", MARKET))
                .expectEvents(new CommitmentFulfilledEvent(ID, MARKET, SUBJECT.code(), LocalDate.of(2025, 4, 1), "按期办结"))
                .expectResultMessagePayload(CommitmentStatus.FULFILLED);
    }

    @Test
    void breachIsRecorded() {
        fixture.given(posted(null))
                .when(new RecordOutcomeCommand(ID, Outcome.BREACHED, LocalDate.of(2025, 4, 1), null, null))
                .expectEvents(new CommitmentBreachedEvent(ID, MARKET, SUBJECT.code(), LocalDate.of(2025, 4, 1), null))
                .expectResultMessagePayload(CommitmentStatus.BREACHED);
    }

    @Test
    void breachedCommitmentCannotBeFulfilledLater() {
        fixture.given(posted(null), new CommitmentBreachedEvent(ID, MARKET, SUBJECT.code(), LocalDate.of(2025, 4, 1), null))
                .when(new RecordOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 4, 2), null, null))
                .expectException(CommitmentAlreadyClosed.class)
                .expectNoEvents();
    }

    @Test
    void fulfilledCommitmentCannotGetASecondFulfilment() {
        fixture.given(posted(null), new CommitmentFulfilledEvent(ID, MARKET, SUBJECT.code(), LocalDate.of(2025, 4, 1), null))
                .when(new RecordOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 4, 2), null, null))
                .expectException(CommitmentAlreadyClosed.class);
    }

    @Test
    void outcomeCannotPrecedeTheSignature() {
        fixture.given(posted(null))
                .when(new RecordOutcomeCommand(ID, Outcome.FULFILLED, SIGNED.minusDays(1), null, null))
                .expectException(CommitmentRejected.class)
                .expectNoEvents();
    }

    @Test
    void anotherUnitMayNotRecordTheOutcome() {
        fixture.given(posted(null))
                .when(new RecordOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 4, 1), null, new UnitId("gy-education")))
                .expectException(NotTheCommitmentsUnit.class)
                .expectNoEvents();
    }

    @Test
    void noOutcomeByTheEndOfTheDueDateMakesItOverdue() {
        fixture.givenCommands(post(DUE))
                .whenTimeAdvancesTo(Instant.parse("2025-06-30T16:00:00Z"))
                .expectTriggeredDeadlinesWithName(Commitment.OVERDUE_DEADLINE)
                .expectEvents(new CommitmentBecameOverdueEvent(ID, MARKET, SUBJECT.code(), DUE));
    }

    @Test
    void notOverdueBeforeTheDueDayHasEnded() {
        fixture.givenCommands(post(DUE))
                .whenTimeAdvancesTo(Instant.parse("2025-06-30T15:59:59Z"))
                .expectTriggeredDeadlinesWithName()
                .expectScheduledDeadlineWithName(Instant.parse("2025-06-30T16:00:00Z"), Commitment.OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void aCommitmentWithAnOutcomeDoesNotBecomeOverdue() {
        fixture.givenCommands(post(DUE), new RecordOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 5, 1), null, MARKET))
                .whenTimeAdvancesTo(Instant.parse("2025-06-30T16:00:00Z"))
                .expectTriggeredDeadlinesWithName(Commitment.OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void anOverdueCommitmentMayStillBeFulfilled() {
        fixture.given(posted(DUE), new CommitmentBecameOverdueEvent(ID, MARKET, SUBJECT.code(), DUE))
                .when(new RecordOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 7, 3), "逾期履约", MARKET))
                .expectEvents(new CommitmentFulfilledEvent(ID, MARKET, SUBJECT.code(), LocalDate.of(2025, 7, 3), "逾期履约"))
                .expectResultMessagePayload(CommitmentStatus.FULFILLED);
    }

    static CommitmentFulfilledEvent fulfilled() {
        return new CommitmentFulfilledEvent(ID, MARKET, SUBJECT.code(), LocalDate.of(2025, 4, 1), "按期办结");
    }

    @Test
    void aFulfilmentRecordedByMistakeIsCorrectedToABreachKeepingWhenTheRecordWasMade() {
        Instant firstRecorded = fixture.currentTime();
        fixture.given(posted(null), fulfilled())
                .when(new CorrectOutcomeCommand(ID, Outcome.BREACHED, LocalDate.of(2025, 5, 6), "复核发现承诺材料不实", MARKET))
                .expectEvents(new CommitmentOutcomeCorrectedEvent(ID, MARKET, SUBJECT.code(), Outcome.FULFILLED,
                        Outcome.BREACHED, LocalDate.of(2025, 5, 6), "复核发现承诺材料不实", firstRecorded))
                .expectResultMessagePayload(CommitmentStatus.BREACHED);
    }

    @Test
    void aCorrectedBreachCanBeCorrectedBackAndTheStatusFollows() {
        Instant firstRecorded = fixture.currentTime();
        fixture.given(posted(null), fulfilled(), new CommitmentOutcomeCorrectedEvent(ID, MARKET, SUBJECT.code(),
                        Outcome.FULFILLED, Outcome.BREACHED, LocalDate.of(2025, 5, 6), "复核", firstRecorded))
                .when(new CorrectOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 4, 1), "复核有误", null))
                .expectEvents(new CommitmentOutcomeCorrectedEvent(ID, MARKET, SUBJECT.code(), Outcome.BREACHED,
                        Outcome.FULFILLED, LocalDate.of(2025, 4, 1), "复核有误", firstRecorded))
                .expectResultMessagePayload(CommitmentStatus.FULFILLED);
    }

    @Test
    void aCorrectionToTheOutcomeAlreadyRecordedIsRefused() {
        fixture.given(posted(null), fulfilled())
                .when(new CorrectOutcomeCommand(ID, Outcome.FULFILLED, LocalDate.of(2025, 4, 2), "重复", null))
                .expectException(OutcomeAlreadySo.class)
                .expectNoEvents();
    }

    @Test
    void aCommitmentWithoutAnOutcomeCannotBeCorrected() {
        fixture.given(posted(DUE), new CommitmentBecameOverdueEvent(ID, MARKET, SUBJECT.code(), DUE))
                .when(new CorrectOutcomeCommand(ID, Outcome.BREACHED, LocalDate.of(2025, 7, 2), "逾期未履约", null))
                .expectException(NoOutcomeToCorrect.class)
                .expectNoEvents();
    }

    @Test
    void anotherUnitMayNotCorrectTheOutcome() {
        fixture.given(posted(null), fulfilled())
                .when(new CorrectOutcomeCommand(ID, Outcome.BREACHED, LocalDate.of(2025, 5, 6), "复核", new UnitId("gy-education")))
                .expectException(NotTheCommitmentsUnit.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectedOutcomeCannotPrecedeTheSignature() {
        fixture.given(posted(null), fulfilled())
                .when(new CorrectOutcomeCommand(ID, Outcome.BREACHED, SIGNED.minusDays(1), "复核", null))
                .expectException(CommitmentRejected.class)
                .expectNoEvents();
    }
}
