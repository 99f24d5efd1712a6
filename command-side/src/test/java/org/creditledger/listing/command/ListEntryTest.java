package org.creditledger.listing.command;

import org.creditledger.catalogue.api.ListColour;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentLetter;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.ApplyForRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.DecideRepairCommand;
import org.creditledger.listing.api.ListEntryMessages.DelistCommand;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.listing.api.ListEntryMessages.FileObjectionCommand;
import org.creditledger.listing.api.ListEntryMessages.ObjectionFiledEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairAppliedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairApprovedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.RevokeOnBlackListingCommand;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.ObjectionId;
import org.creditledger.listing.api.RepairId;
import org.creditledger.listing.api.RepairMethod;
import org.creditledger.listing.api.WorkingDayCalendar;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;

class ListEntryTest {

    static final EntryId ID = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-000000000001");
    static final String LIST = "samr-serious-violation";
    static final String SAMR = "samr";
    static final SubjectRef SUBJECT = new SubjectRef(SubjectKind.LEGAL_PERSON, "91110108MA01R7K44D", "广元市某某建材有限公司");
    static final String CODE = SUBJECT.code();
    static final LocalDate DECIDED = LocalDate.of(2025, 3, 7);
    static final LocalDate FROM = LocalDate.of(2025, 3, 10);
    static final LocalDate UNTIL = LocalDate.of(2028, 3, 9);
    /** 2028-03-10T00:00+08:00, the end of UNTIL in Shanghai. */
    static final Instant EXPIRY = Instant.parse("2028-03-09T16:00:00Z");
    static final int MIN_MONTHS = 12;

    static final ObjectionId OBJECTION = ObjectionId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000a1");
    static final ObjectionId OBJECTION_2 = ObjectionId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000a2");
    static final LocalDate FILED = LocalDate.of(2025, 9, 26);
    /** 15 working days after FILED in 2025's calendar (see WorkingDayCalendarTest). */
    static final LocalDate DECIDE_BY = LocalDate.of(2025, 10, 23);
    /** 2025-10-24T00:00+08:00. */
    static final Instant DECIDE_BY_ENDS = Instant.parse("2025-10-23T16:00:00Z");

    static final RepairId REPAIR = RepairId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000b1");
    static final RepairId REPAIR_2 = RepairId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000b2");
    static final CommitmentId REPAIR_LETTER = CommitmentId.parse("6f1c2a3e-2b1d-4c5e-9f00-000000000009");
    static final Set<RepairMethod> METHODS = Set.of(RepairMethod.COMMITMENT, RepairMethod.RECTIFICATION);
    /** DECIDED + 12 months: the first day a repair may be applied for. */
    static final LocalDate REPAIR_FROM = LocalDate.of(2026, 3, 7);
    /** 5 working days after REPAIR_FROM (a Saturday): Monday 9 to Friday 13 March 2026. */
    static final LocalDate REPAIR_DECIDE_BY = LocalDate.of(2026, 3, 13);
    static final CommitmentLetter REPAIR_LETTER_OF_SUBJECT = new CommitmentLetter(REPAIR_LETTER, CODE, CommitmentType.CREDIT_REPAIR);
    /** The calendar the ledger runs with by default: the 2025 and 2026 schedules. */
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.parse(WorkingDayCalendar.CHINA_HOLIDAYS,
            WorkingDayCalendar.CHINA_ADJUSTED_WORKING_DAYS);

    AggregateTestFixture<ListEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ListEntry.class);
        fixture.registerInjectableResource(new ObjectionDueDates(CALENDAR,
                new ObjectionProperties(FileObjectionCommand.DEFAULT_WORKING_DAYS_TO_DECIDE)));
    }

    // ---- builders -------------------------------------------------------------------------------------------------

    static EnterListCommand enter(String actingAuthority) {
        return enter(DECIDED, FROM, UNTIL, true, actingAuthority);
    }

    static EnterListCommand enter(LocalDate decidedOn, LocalDate from, LocalDate until, boolean earlyRepair,
                                  String actingAuthority) {
        return new EnterListCommand(ID, LIST, SAMR, SUBJECT, "广市监严违〔2025〕3号", decidedOn, "提供虚假材料取得行政许可",
                from, until, NamedPerson.named("张三"), List.of(NamedPerson.named("李四")), earlyRepair, MIN_MONTHS, actingAuthority, ListColour.BLACK, false);
    }

    static SubjectListedEvent listed() {
        return listed(true);
    }

    static SubjectListedEvent listed(boolean earlyRepair) {
        return new SubjectListedEvent(ID, LIST, SAMR, SUBJECT, "广市监严违〔2025〕3号", DECIDED, "提供虚假材料取得行政许可",
                FROM, UNTIL, NamedPerson.named("张三"), List.of(NamedPerson.named("李四")), earlyRepair, MIN_MONTHS, ListColour.BLACK, false);
    }

    static FileObjectionCommand fileObjection(ObjectionId id) {
        return new FileObjectionCommand(ID, id, "处罚决定已被行政复议撤销", FILED, DECIDE_BY, SAMR);
    }

    static ObjectionFiledEvent objectionFiled(ObjectionId id) {
        return new ObjectionFiledEvent(ID, CODE, id, "处罚决定已被行政复议撤销", FILED, DECIDE_BY);
    }

    static DecideObjectionCommand decideObjection(ObjectionId id, boolean upheld, String actingAuthority) {
        return new DecideObjectionCommand(ID, id, upheld, "经核查", LocalDate.of(2025, 10, 15), actingAuthority);
    }

    static ApplyForRepairCommand applyForRepair(RepairId id, LocalDate appliedOn) {
        return applyForRepair(id, appliedOn, null, REPAIR_LETTER_OF_SUBJECT);
    }

    /** An application naming {@code letter}'s id, as the letter lookup found it ({@code letter} null: no letter named). */
    static ApplyForRepairCommand applyForRepair(RepairId id, LocalDate appliedOn, LocalDate correctedOn, CommitmentLetter letter) {
        return new ApplyForRepairCommand(ID, id, METHODS, letter == null ? null : letter.commitmentId(),
                "整改报告及信用修复承诺书", appliedOn, SAMR, correctedOn, letter);
    }

    static RepairAppliedEvent repairApplied(RepairId id) {
        return repairApplied(id, REPAIR_FROM, null, REPAIR_DECIDE_BY);
    }

    static RepairAppliedEvent repairApplied(RepairId id, LocalDate appliedOn, LocalDate correctedOn, LocalDate decideBy) {
        return new RepairAppliedEvent(ID, CODE, id, METHODS, REPAIR_LETTER, "整改报告及信用修复承诺书", appliedOn,
                correctedOn, decideBy);
    }

    /** A listing whose repair rules are {@code waitFrom}, 5 working days to decide, {@code commitmentRequired}. */
    static SubjectListedEvent listed(RepairWaitFrom waitFrom, boolean commitmentRequired) {
        return new SubjectListedEvent(ID, LIST, SAMR, SUBJECT, "广市监严违〔2025〕3号", DECIDED, "提供虚假材料取得行政许可",
                FROM, UNTIL, NamedPerson.named("张三"), List.of(NamedPerson.named("李四")), true, MIN_MONTHS, ListColour.BLACK,
                false, waitFrom, 5, commitmentRequired);
    }

    static DecideRepairCommand decideRepair(RepairId id, boolean approved, String actingAuthority) {
        return new DecideRepairCommand(ID, id, approved, "整改到位", LocalDate.of(2026, 3, 20), actingAuthority);
    }

    static SubjectDelistedEvent revoked() {
        return new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.REVOKED, "广市监撤〔2025〕1号", null, LocalDate.of(2025, 5, 6));
    }

    static DelistCommand revoke() {
        return new DelistCommand(ID, ExitReason.REVOKED, "广市监撤〔2025〕1号", null, LocalDate.of(2025, 5, 6), SAMR);
    }

    // ---- entering -------------------------------------------------------------------------------------------------

    @Test
    void enteringRecordsTheEntryAndSchedulesItsExpiryAtTheEndOfTheLastDayInShanghai() {
        fixture.givenNoPriorActivity()
                .when(enter(SAMR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(listed())
                .expectScheduledDeadlineWithName(EXPIRY, ListEntry.EXPIRY_DEADLINE);
    }

    @Test
    void theEntryNamesItsRepresentativeAndResponsiblePersonsByTheirIdNumbers() {
        NamedPerson representative = new NamedPerson("张三", SubjectCodes.residentIdFor(7), "法定代表人");
        List<NamedPerson> responsible = List.of(new NamedPerson("李四", SubjectCodes.residentIdFor(8), "直接责任人"),
                NamedPerson.named("王五"));
        fixture.givenNoPriorActivity()
                .when(new EnterListCommand(ID, LIST, SAMR, SUBJECT, "广市监严违〔2025〕3号", DECIDED, "提供虚假材料取得行政许可",
                        FROM, UNTIL, representative, responsible, true, MIN_MONTHS, SAMR, ListColour.BLACK, false))
                .expectEvents(new SubjectListedEvent(ID, LIST, SAMR, SUBJECT, "广市监严违〔2025〕3号", DECIDED,
                        "提供虚假材料取得行政许可", FROM, UNTIL, representative, responsible, true, MIN_MONTHS,
                        ListColour.BLACK, false));
    }

    @Test
    void aPersonsIdNumberIsCheckedLikeASubjectsCode() {
        String wrongCheckCharacter = SubjectCodes.residentIdFor(7).substring(0, 17)
                + (SubjectCodes.residentIdFor(7).endsWith("0") ? "1" : "0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NamedPerson("张三", wrongCheckCharacter, null))
                .isInstanceOf(org.creditledger.subject.InvalidSubjectCode.class);
    }

    @Test
    void anAdministratorMayEnterOnAnyList() {
        fixture.givenNoPriorActivity()
                .when(enter(null))
                .expectEvents(listed());
    }

    @Test
    void anotherAuthorityMayNotEnterSubjectsOnTheList() {
        fixture.givenNoPriorActivity()
                .when(enter("chinatax"))
                .expectException(NotTheListsAuthority.class)
                .expectNoEvents();
    }

    @Test
    void aPeriodThatDoesNotEndAfterItBeginsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(enter(DECIDED, FROM, FROM, true, SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionAfterItsEffectIsRejected() {
        fixture.givenNoPriorActivity()
                .when(enter(FROM.plusDays(1), FROM, UNTIL, true, SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionTakingEffectTheSameDayIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(enter(FROM, FROM, UNTIL, true, SAMR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBlankDecisionNumberIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new EnterListCommand(ID, LIST, SAMR, SUBJECT, " ", DECIDED, "理由", FROM, UNTIL, null, List.of(),
                        true, 0, SAMR, ListColour.BLACK, false))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void aBlankReasonIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new EnterListCommand(ID, LIST, SAMR, SUBJECT, "文号", DECIDED, "", FROM, UNTIL, null, null,
                        true, 0, SAMR, ListColour.BLACK, false))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    // ---- expiry ---------------------------------------------------------------------------------------------------

    @Test
    void theEntryExpiresByItselfAtTheEndOfItsPeriod() {
        fixture.givenCommands(enter(SAMR))
                .whenTimeAdvancesTo(EXPIRY)
                .expectTriggeredDeadlinesWithName(ListEntry.EXPIRY_DEADLINE)
                .expectEvents(new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.EXPIRED, null, null, UNTIL));
    }

    @Test
    void expiryIsRecordedAsTheLedgersOwnWrite() {
        fixture.givenCommands(enter(SAMR))
                .whenTimeAdvancesTo(EXPIRY)
                .expectEventsMatching(exactSequenceOf(writtenBySystem(), andNoMore()));
    }

    static org.hamcrest.Matcher<EventMessage<?>> writtenBySystem() {
        return matches(event -> "system".equals(event.getMetaData().get("principal"))
                && "SYSTEM".equals(event.getMetaData().get("role")));
    }

    @Test
    void theEntryIsStillActiveDuringItsLastDay() {
        fixture.givenCommands(enter(SAMR))
                .whenTimeAdvancesTo(EXPIRY.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void anExpiryDeadlineFindingTheEntryExitedDoesNothing() {
        fixture.givenCommands(enter(SAMR), revoke())
                .whenTimeAdvancesTo(EXPIRY)
                .expectTriggeredDeadlinesWithName(ListEntry.EXPIRY_DEADLINE)
                .expectNoEvents();
    }

    // ---- objections -----------------------------------------------------------------------------------------------

    @Test
    void anOpenObjectionMarksTheEntryDisputedAndIsDueAtTheEndOfItsDecisionDay() {
        assertThat(WorkingDayCalendar.china2025().addWorkingDays(FILED,
                FileObjectionCommand.DEFAULT_WORKING_DAYS_TO_DECIDE)).isEqualTo(DECIDE_BY);
        fixture.given(listed())
                .when(fileObjection(OBJECTION))
                .expectEvents(objectionFiled(OBJECTION))
                .expectScheduledDeadlineWithName(DECIDE_BY_ENDS, ListEntry.OBJECTION_OVERDUE_DEADLINE);
    }

    @Test
    void aSecondObjectionWhileOneIsOpenIsRefused() {
        fixture.given(listed(), objectionFiled(OBJECTION))
                .when(fileObjection(OBJECTION_2))
                .expectException(ObjectionAlreadyOpen.class)
                .expectNoEvents();
    }

    @Test
    void aNewObjectionMayFollowARejectedOne() {
        fixture.given(listed(), objectionFiled(OBJECTION),
                        new ObjectionRejectedEvent(ID, CODE, OBJECTION, "异议理由不成立", LocalDate.of(2025, 10, 10)))
                .when(fileObjection(OBJECTION_2))
                .expectEvents(objectionFiled(OBJECTION_2));
    }

    @Test
    void aDecidedObjectionsIdCannotBeFiledAgain() {
        fixture.given(listed(), objectionFiled(OBJECTION),
                        new ObjectionRejectedEvent(ID, CODE, OBJECTION, "异议理由不成立", LocalDate.of(2025, 10, 10)))
                .when(fileObjection(OBJECTION))
                .expectException(ObjectionAlreadyDecided.class)
                .expectNoEvents();
    }

    @Test
    void anotherAuthorityMayNotRecordAnObjection() {
        fixture.given(listed())
                .when(new FileObjectionCommand(ID, OBJECTION, "处罚决定已被行政复议撤销", FILED, DECIDE_BY, "chinatax"))
                .expectException(NotTheListsAuthority.class)
                .expectNoEvents();
    }

    @Test
    void anAdministratorMayRecordAnObjection() {
        fixture.given(listed())
                .when(new FileObjectionCommand(ID, OBJECTION, "处罚决定已被行政复议撤销", FILED, DECIDE_BY, null))
                .expectEvents(objectionFiled(OBJECTION));
    }

    @Test
    void noObjectionAgainstAnExitedEntry() {
        fixture.given(listed(), revoked())
                .when(fileObjection(OBJECTION))
                .expectException(EntryAlreadyExited.class)
                .expectNoEvents();
    }

    @Test
    void anUndecidedObjectionBecomesOverdueAndStaysOpen() {
        fixture.givenCommands(enter(SAMR), fileObjection(OBJECTION))
                .whenTimeAdvancesTo(DECIDE_BY_ENDS)
                .expectTriggeredDeadlinesWithName(ListEntry.OBJECTION_OVERDUE_DEADLINE)
                .expectEvents(new ObjectionOverdueEvent(ID, CODE, OBJECTION, DECIDE_BY));
    }

    @Test
    void anOverdueObjectionIsRecordedAsTheLedgersOwnWrite() {
        fixture.givenCommands(enter(SAMR), fileObjection(OBJECTION))
                .whenTimeAdvancesTo(DECIDE_BY_ENDS)
                .expectEventsMatching(exactSequenceOf(writtenBySystem(), andNoMore()));
    }

    @Test
    void anObjectionIsNotOverdueDuringItsDecisionDay() {
        fixture.givenCommands(enter(SAMR), fileObjection(OBJECTION))
                .whenTimeAdvancesTo(DECIDE_BY_ENDS.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void aDecidedObjectionDoesNotBecomeOverdue() {
        fixture.givenCommands(enter(SAMR), fileObjection(OBJECTION), decideObjection(OBJECTION, false, SAMR))
                .whenTimeAdvancesTo(DECIDE_BY_ENDS)
                .expectTriggeredDeadlinesWithName(ListEntry.OBJECTION_OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void anOldObjectionsDeadlineDoesNotFlagTheNextObjection() {
        fixture.givenCommands(enter(SAMR), fileObjection(OBJECTION), decideObjection(OBJECTION, false, SAMR),
                        new FileObjectionCommand(ID, OBJECTION_2, "新的异议", LocalDate.of(2025, 10, 20), LocalDate.of(2025, 11, 10), SAMR))
                .whenTimeAdvancesTo(DECIDE_BY_ENDS)
                .expectTriggeredDeadlinesWithName(ListEntry.OBJECTION_OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void anObjectionDeadlineFindingTheEntryExitedDoesNothing() {
        fixture.givenCommands(enter(SAMR), fileObjection(OBJECTION), revoke())
                .whenTimeAdvancesTo(DECIDE_BY_ENDS)
                .expectTriggeredDeadlinesWithName(ListEntry.OBJECTION_OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void anUpheldObjectionTakesTheSubjectOffTheList() {
        fixture.given(listed(), objectionFiled(OBJECTION))
                .when(decideObjection(OBJECTION, true, SAMR))
                .expectEvents(new ObjectionUpheldEvent(ID, CODE, OBJECTION, "经核查", LocalDate.of(2025, 10, 15)),
                        new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.OBJECTION_UPHELD, null, "经核查",
                                LocalDate.of(2025, 10, 15)));
    }

    @Test
    void aRejectedObjectionKeepsTheEntryAndEndsTheDispute() {
        fixture.given(listed(), objectionFiled(OBJECTION))
                .when(decideObjection(OBJECTION, false, null))
                .expectEvents(new ObjectionRejectedEvent(ID, CODE, OBJECTION, "经核查", LocalDate.of(2025, 10, 15)));
    }

    @Test
    void decidingAnUnknownObjectionIsNotFound() {
        fixture.given(listed(), objectionFiled(OBJECTION))
                .when(decideObjection(OBJECTION_2, true, SAMR))
                .expectException(UnknownObjection.class)
                .expectNoEvents();
    }

    @Test
    void decidingAnObjectionTwiceIsRefused() {
        fixture.given(listed(), objectionFiled(OBJECTION),
                        new ObjectionRejectedEvent(ID, CODE, OBJECTION, "异议理由不成立", LocalDate.of(2025, 10, 10)))
                .when(decideObjection(OBJECTION, true, SAMR))
                .expectException(ObjectionAlreadyDecided.class)
                .expectNoEvents();
    }

    @Test
    void anObjectionStillOpenWhenTheEntryExitedCanNoLongerBeDecided() {
        fixture.given(listed(), objectionFiled(OBJECTION), revoked())
                .when(decideObjection(OBJECTION, true, SAMR))
                .expectException(EntryAlreadyExited.class)
                .expectNoEvents();
    }

    @Test
    void aRepairStillPendingWhenTheEntryExitedCanNoLongerBeDecided() {
        fixture.given(listed(), repairApplied(REPAIR),
                        new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.EXPIRED, null, null, UNTIL))
                .when(decideRepair(REPAIR, true, SAMR))
                .expectException(EntryAlreadyExited.class)
                .expectNoEvents();
    }

    @Test
    void anUpheldObjectionIsDecidedNotMerelyOnAnExitedEntry() {
        fixture.given(listed(), objectionFiled(OBJECTION),
                        new ObjectionUpheldEvent(ID, CODE, OBJECTION, "经核查", LocalDate.of(2025, 10, 15)),
                        new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.OBJECTION_UPHELD, null, "经核查",
                                LocalDate.of(2025, 10, 15)))
                .when(decideObjection(OBJECTION, false, SAMR))
                .expectException(ObjectionAlreadyDecided.class)
                .expectNoEvents();
    }

    @Test
    void anotherAuthorityMayNotDecideAnObjection() {
        fixture.given(listed(), objectionFiled(OBJECTION))
                .when(decideObjection(OBJECTION, true, "chinatax"))
                .expectException(NotTheListsAuthority.class)
                .expectNoEvents();
    }

    @Test
    void anObjectionCannotBeDecidedBeforeItWasFiled() {
        fixture.given(listed(), objectionFiled(OBJECTION))
                .when(new DecideObjectionCommand(ID, OBJECTION, false, "经核查", FILED.minusDays(1), SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    // ---- repair ---------------------------------------------------------------------------------------------------

    @Test
    void aRepairBeforeTheMinimumTimeIsRefused() {
        fixture.given(listed())
                .when(applyForRepair(REPAIR, REPAIR_FROM.minusDays(1)))
                .expectException(RepairNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aRepairFromTheMinimumTimeOnIsAccepted() {
        fixture.given(listed())
                .when(applyForRepair(REPAIR, REPAIR_FROM))
                .expectEvents(repairApplied(REPAIR));
    }

    @Test
    void aRepairOnAListThatForbidsEarlyRepairIsRefused() {
        fixture.given(listed(false))
                .when(applyForRepair(REPAIR, REPAIR_FROM.plusYears(1)))
                .expectException(RepairNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aRepairWithoutAMethodIsRejected() {
        fixture.given(listed())
                .when(new ApplyForRepairCommand(ID, REPAIR, Set.of(), null, "材料", REPAIR_FROM, SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void aSecondRepairWhileOneIsPendingIsRefused() {
        fixture.given(listed(), repairApplied(REPAIR))
                .when(applyForRepair(REPAIR_2, REPAIR_FROM.plusDays(1)))
                .expectException(RepairAlreadyPending.class)
                .expectNoEvents();
    }

    @Test
    void noRepairForAnExitedEntry() {
        fixture.given(listed(), revoked())
                .when(applyForRepair(REPAIR, REPAIR_FROM))
                .expectException(EntryAlreadyExited.class)
                .expectNoEvents();
    }

    @Test
    void anotherAuthorityMayNotAcceptARepairApplication() {
        fixture.given(listed())
                .when(new ApplyForRepairCommand(ID, REPAIR, METHODS, null, "材料", REPAIR_FROM, "chinatax"))
                .expectException(NotTheListsAuthority.class)
                .expectNoEvents();
    }

    @Test
    void anApprovedRepairTakesTheSubjectOffTheList() {
        fixture.given(listed(), repairApplied(REPAIR))
                .when(decideRepair(REPAIR, true, SAMR))
                .expectEvents(new RepairApprovedEvent(ID, CODE, REPAIR, "整改到位", LocalDate.of(2026, 3, 20)),
                        new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.REPAIRED, null, "整改到位",
                                LocalDate.of(2026, 3, 20)));
    }

    @Test
    void aRejectedRepairKeepsTheEntryAndAllowsANewApplication() {
        fixture.given(listed(), repairApplied(REPAIR))
                .when(decideRepair(REPAIR, false, null))
                .expectEvents(new RepairRejectedEvent(ID, CODE, REPAIR, "整改到位", LocalDate.of(2026, 3, 20)));
        fixture.given(listed(), repairApplied(REPAIR),
                        new RepairRejectedEvent(ID, CODE, REPAIR, "材料不全", LocalDate.of(2026, 3, 20)))
                .when(applyForRepair(REPAIR_2, REPAIR_FROM))
                .expectEvents(repairApplied(REPAIR_2));
    }

    @Test
    void decidingAnUnknownRepairIsNotFound() {
        fixture.given(listed(), repairApplied(REPAIR))
                .when(decideRepair(REPAIR_2, true, SAMR))
                .expectException(UnknownRepair.class)
                .expectNoEvents();
    }

    @Test
    void decidingARepairTwiceIsRefused() {
        fixture.given(listed(), repairApplied(REPAIR),
                        new RepairRejectedEvent(ID, CODE, REPAIR, "材料不全", LocalDate.of(2026, 3, 20)))
                .when(decideRepair(REPAIR, true, SAMR))
                .expectException(RepairAlreadyDecided.class)
                .expectNoEvents();
    }

    @Test
    void anotherAuthorityMayNotDecideARepair() {
        fixture.given(listed(), repairApplied(REPAIR))
                .when(decideRepair(REPAIR, true, "chinatax"))
                .expectException(NotTheListsAuthority.class)
                .expectNoEvents();
    }

    // ---- repair rules (issue 12) ---------------------------------------------------------------------------------

    @Test
    void anEntryWithoutRepairRulesCountsItsWaitFromTheDecisionAsBefore() {
        SubjectListedEvent stored = listed();
        assertThat(stored.repairWaitFrom()).isEqualTo(RepairWaitFrom.DECISION);
        assertThat(stored.repairDecisionWorkingDays()).isEqualTo(5);
        assertThat(stored.repairCommitmentRequired()).isFalse();
        assertThat(stored.repairEligibleFrom()).isEqualTo(REPAIR_FROM);
    }

    @Test
    void aListCountingFromTheEntryRefusesARepairBeforeTwelveMonthsOnTheList() {
        // decided 7 March 2025, on the list from 10 March 2025: twelve months from 列入 end on 10 March 2026
        fixture.given(listed(RepairWaitFrom.ENTRY, false))
                .when(applyForRepair(REPAIR, LocalDate.of(2026, 3, 9), null, REPAIR_LETTER_OF_SUBJECT))
                .expectException(RepairNotAllowed.class)
                .expectNoEvents();
        assertThat(listed(RepairWaitFrom.ENTRY, false).repairEligibleFrom()).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aListCountingFromTheEntryAcceptsARepairFromTwelveMonthsOnTheList() {
        fixture.given(listed(RepairWaitFrom.ENTRY, false))
                .when(applyForRepair(REPAIR, LocalDate.of(2026, 3, 10), null, REPAIR_LETTER_OF_SUBJECT))
                .expectEvents(repairApplied(REPAIR, LocalDate.of(2026, 3, 10), null, LocalDate.of(2026, 3, 17)));
    }

    @Test
    void aListCountingFromTheCorrectionNeedsTheCorrectionDate() {
        fixture.given(listed(RepairWaitFrom.CORRECTION, false))
                .when(applyForRepair(REPAIR, LocalDate.of(2026, 9, 30), null, REPAIR_LETTER_OF_SUBJECT))
                .expectException(refusedOn("correctedOn"))
                .expectNoEvents();
        assertThat(listed(RepairWaitFrom.CORRECTION, false).repairEligibleFrom()).as("only the application tells").isNull();
    }

    @Test
    void aListCountingFromTheCorrectionWaitsItsMonthsFromTheCorrection() {
        LocalDate corrected = LocalDate.of(2025, 9, 15);
        fixture.given(listed(RepairWaitFrom.CORRECTION, false))
                .when(applyForRepair(REPAIR, LocalDate.of(2026, 9, 14), corrected, REPAIR_LETTER_OF_SUBJECT))
                .expectException(RepairNotAllowed.class)
                .expectNoEvents();
        fixture.given(listed(RepairWaitFrom.CORRECTION, false))
                .when(applyForRepair(REPAIR, LocalDate.of(2026, 9, 15), corrected, REPAIR_LETTER_OF_SUBJECT))
                // 5 working days: 16-18 September, Sunday 20 September (调休), 21 September
                .expectEvents(repairApplied(REPAIR, LocalDate.of(2026, 9, 15), corrected, LocalDate.of(2026, 9, 21)));
    }

    @Test
    void aCorrectionAfterTheApplicationIsRejected() {
        fixture.given(listed(RepairWaitFrom.CORRECTION, false))
                .when(applyForRepair(REPAIR, LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 16), REPAIR_LETTER_OF_SUBJECT))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void aListRequiringACommitmentRefusesAnApplicationWithoutOne() {
        fixture.given(listed(RepairWaitFrom.DECISION, true))
                .when(applyForRepair(REPAIR, REPAIR_FROM, null, null))
                .expectException(refusedOn("commitmentId"))
                .expectNoEvents();
        fixture.given(listed(RepairWaitFrom.DECISION, false))
                .when(applyForRepair(REPAIR, REPAIR_FROM, null, null))
                .expectEvents(new RepairAppliedEvent(ID, CODE, REPAIR, METHODS, null, "整改报告及信用修复承诺书", REPAIR_FROM,
                        null, REPAIR_DECIDE_BY));
    }

    @Test
    void aCommitmentTheLedgerDoesNotHoldIsRefused() {
        fixture.given(listed())
                .when(new ApplyForRepairCommand(ID, REPAIR, METHODS, REPAIR_LETTER, "材料", REPAIR_FROM, SAMR, null, null))
                .expectException(refusedOn("commitmentId"))
                .expectNoEvents();
    }

    @Test
    void anotherSubjectsCommitmentIsRefused() {
        fixture.given(listed())
                .when(applyForRepair(REPAIR, REPAIR_FROM, null,
                        new CommitmentLetter(REPAIR_LETTER, "92440305MA5H3QW293", CommitmentType.CREDIT_REPAIR)))
                .expectException(refusedOn("commitmentId"))
                .expectNoEvents();
    }

    @Test
    void aCommitmentOfAnotherTypeIsRefused() {
        fixture.given(listed())
                .when(applyForRepair(REPAIR, REPAIR_FROM, null,
                        new CommitmentLetter(REPAIR_LETTER, CODE, CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE)))
                .expectException(refusedOn("commitmentId"))
                .expectNoEvents();
    }

    /** Applied on Wednesday 30 September 2026: National Day 1-7 October off, Saturday 10 October worked (调休). */
    static final LocalDate BEFORE_NATIONAL_DAY = LocalDate.of(2026, 9, 30);
    static final LocalDate DUE_AFTER_NATIONAL_DAY = LocalDate.of(2026, 10, 13);

    @Test
    void aRepairIsDueFiveWorkingDaysLaterAcrossAHoliday() {
        assertThat(CALENDAR.addWorkingDays(BEFORE_NATIONAL_DAY, 5)).isEqualTo(DUE_AFTER_NATIONAL_DAY);
        fixture.given(listed())
                .when(applyForRepair(REPAIR, BEFORE_NATIONAL_DAY))
                .expectEvents(repairApplied(REPAIR, BEFORE_NATIONAL_DAY, null, DUE_AFTER_NATIONAL_DAY))
                .expectResultMessagePayload(DUE_AFTER_NATIONAL_DAY)
                .expectScheduledDeadlineWithName(ListEntry.endOf(DUE_AFTER_NATIONAL_DAY), ListEntry.REPAIR_OVERDUE_DEADLINE);
    }

    @Test
    void aRepairIsNotOverdueDuringItsDecisionDay() {
        fixture.givenCommands(enter(SAMR), applyForRepair(REPAIR, BEFORE_NATIONAL_DAY))
                .whenTimeAdvancesTo(ListEntry.endOf(DUE_AFTER_NATIONAL_DAY).minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void anUndecidedRepairBecomesOverdueAfterItsDecisionDay() {
        fixture.givenCommands(enter(SAMR), applyForRepair(REPAIR, BEFORE_NATIONAL_DAY))
                .whenTimeAdvancesTo(ListEntry.endOf(DUE_AFTER_NATIONAL_DAY))
                .expectTriggeredDeadlinesWithName(ListEntry.REPAIR_OVERDUE_DEADLINE)
                .expectEvents(new RepairOverdueEvent(ID, CODE, REPAIR, DUE_AFTER_NATIONAL_DAY));
    }

    @Test
    void anOverdueRepairIsRecordedAsTheLedgersOwnWriteAndMayStillBeDecided() {
        fixture.givenCommands(enter(SAMR), applyForRepair(REPAIR, BEFORE_NATIONAL_DAY))
                .whenTimeAdvancesTo(ListEntry.endOf(DUE_AFTER_NATIONAL_DAY))
                .expectEventsMatching(exactSequenceOf(writtenBySystem(), andNoMore()));
        fixture.given(listed(), repairApplied(REPAIR, BEFORE_NATIONAL_DAY, null, DUE_AFTER_NATIONAL_DAY),
                        new RepairOverdueEvent(ID, CODE, REPAIR, DUE_AFTER_NATIONAL_DAY))
                .when(new DecideRepairCommand(ID, REPAIR, false, "材料不全", LocalDate.of(2026, 10, 14), SAMR))
                .expectEvents(new RepairRejectedEvent(ID, CODE, REPAIR, "材料不全", LocalDate.of(2026, 10, 14)));
    }

    @Test
    void aDecidedRepairDoesNotBecomeOverdue() {
        fixture.givenCommands(enter(SAMR), applyForRepair(REPAIR, BEFORE_NATIONAL_DAY),
                        new DecideRepairCommand(ID, REPAIR, false, "材料不全", LocalDate.of(2026, 10, 9), SAMR))
                .whenTimeAdvancesTo(ListEntry.endOf(DUE_AFTER_NATIONAL_DAY))
                .expectTriggeredDeadlinesWithName(ListEntry.REPAIR_OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void aListsOwnWorkingDaysSetTheRepairsDecisionDay() {
        SubjectListedEvent tenDays = new SubjectListedEvent(ID, LIST, SAMR, SUBJECT, "广市监严违〔2025〕3号", DECIDED,
                "提供虚假材料取得行政许可", FROM, UNTIL, NamedPerson.named("张三"), List.of(NamedPerson.named("李四")), true,
                MIN_MONTHS, ListColour.BLACK, false, RepairWaitFrom.DECISION, 10, false);
        // 10 working days after 30 September 2026: 8, 9, 10 (调休), 12-16, 19, 20 October
        fixture.given(tenDays)
                .when(applyForRepair(REPAIR, BEFORE_NATIONAL_DAY))
                .expectEvents(repairApplied(REPAIR, BEFORE_NATIONAL_DAY, null, LocalDate.of(2026, 10, 20)));
    }

    private static org.hamcrest.Matcher<Object> refusedOn(String field) {
        return matches(e -> e instanceof RepairRefused refused && refused.errors().size() == 1
                && refused.errors().get(0).field().equals(field));
    }

    // ---- delisting ------------------------------------------------------------------------------------------------

    @Test
    void revokingTheDecisionTakesTheSubjectOffTheList() {
        fixture.given(listed())
                .when(revoke())
                .expectEvents(revoked());
    }

    @ParameterizedTest
    @EnumSource(value = ExitReason.class, names = {"REVOKED", "COURT_ORDER"})
    void revocationAndCourtOrdersNeedADocumentNumber(ExitReason reason) {
        fixture.given(listed())
                .when(new DelistCommand(ID, reason, " ", null, LocalDate.of(2025, 5, 6), SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void anExitForAnotherReasonNeedsNoDocumentNumber() {
        fixture.given(listed())
                .when(new DelistCommand(ID, ExitReason.OTHER, null, "主体已注销", LocalDate.of(2025, 5, 6), null))
                .expectEvents(new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.OTHER, null, "主体已注销",
                        LocalDate.of(2025, 5, 6)));
    }

    @ParameterizedTest
    @EnumSource(value = ExitReason.class, names = {"EXPIRED", "REPAIRED", "OBJECTION_UPHELD", "REVOKED_BY_BLACK_LISTING"})
    void reasonsWithTheirOwnPathCannotBeNamedDirectly(ExitReason reason) {
        fixture.given(listed())
                .when(new DelistCommand(ID, reason, "文号", null, LocalDate.of(2025, 5, 6), SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    @Test
    void exitingAnExitedEntryIsRefused() {
        fixture.given(listed(), revoked())
                .when(new DelistCommand(ID, ExitReason.COURT_ORDER, "（2025）川08行终12号", null, LocalDate.of(2025, 6, 1), SAMR))
                .expectException(EntryAlreadyExited.class)
                .expectNoEvents();
    }

    @Test
    void anotherAuthorityMayNotDelist() {
        fixture.given(listed())
                .when(new DelistCommand(ID, ExitReason.REVOKED, "文号", null, LocalDate.of(2025, 5, 6), "chinatax"))
                .expectException(NotTheListsAuthority.class)
                .expectNoEvents();
    }

    @Test
    void anExitCannotPrecedeTheListingDecision() {
        fixture.given(listed())
                .when(new DelistCommand(ID, ExitReason.OTHER, null, "误录", DECIDED.minusDays(1), SAMR))
                .expectException(EntryRejected.class)
                .expectNoEvents();
    }

    static final EntryId BLACK_ENTRY = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000c1");

    @Test
    void aBlackListingRevokesTheEntryNamingTheBlackEntry() {
        LocalDate blackFrom = LocalDate.of(2025, 8, 1);
        fixture.given(listed())
                .when(new RevokeOnBlackListingCommand(ID, BLACK_ENTRY, "DISHONEST_JUDGMENT_DEBTOR", blackFrom))
                .expectEvents(new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.REVOKED_BY_BLACK_LISTING, null,
                        "列入黑名单 DISHONEST_JUDGMENT_DEBTOR（条目 " + BLACK_ENTRY + "）", blackFrom, BLACK_ENTRY));
    }

    @Test
    void aRevocationReachingAnExitedEntryChangesNothing() {
        fixture.given(listed(), revoked())
                .when(new RevokeOnBlackListingCommand(ID, BLACK_ENTRY, "DISHONEST_JUDGMENT_DEBTOR", LocalDate.of(2025, 8, 1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBlackEntryOlderThanTheRedDecisionRevokesFromTheRedDecision() {
        fixture.given(listed())
                .when(new RevokeOnBlackListingCommand(ID, BLACK_ENTRY, "DISHONEST_JUDGMENT_DEBTOR", DECIDED.minusYears(1)))
                .expectEvents(new SubjectDelistedEvent(ID, LIST, CODE, ExitReason.REVOKED_BY_BLACK_LISTING, null,
                        "列入黑名单 DISHONEST_JUDGMENT_DEBTOR（条目 " + BLACK_ENTRY + "）", DECIDED, BLACK_ENTRY));
    }

    @Test
    void anExitForAnOtherReasonMustSayWhy() {
        fixture.given(listed())
                .when(new DelistCommand(ID, ExitReason.OTHER, null, " ", LocalDate.of(2025, 5, 6), SAMR))
                .expectException(new org.hamcrest.CustomTypeSafeMatcher<EntryRejected>("a refusal naming field note") {
                    @Override
                    protected boolean matchesSafely(EntryRejected refusal) {
                        return refusal.errors().get(0).field().equals("note");
                    }
                })
                .expectNoEvents();
    }
}
