package org.creditledger.listing.command;

import org.axonframework.test.saga.SagaTestFixture;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.RevokeOnBlackListingCommand;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** The red-list revocation process: a black listing revokes the subject's red entries on revocable lists, both ways round. */
class RedListRevocationTest {

    static final SubjectRef SUBJECT = new SubjectRef(SubjectKind.LEGAL_PERSON, "91110108MA01R7K44D", "广元市某某建材有限公司");
    static final SubjectRef OTHER = new SubjectRef(SubjectKind.LEGAL_PERSON, SubjectCodes.usccFor(42, false), "广元市另一家公司");
    static final String CODE = SUBJECT.code();
    static final EntryId RED = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000d1");
    static final EntryId RED_2 = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000d2");
    static final EntryId KEPT_RED = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000d3");
    static final EntryId BLACK = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000e1");
    static final EntryId BLACK_2 = EntryId.parse("3a7d1c52-8e4b-4f1a-9c00-0000000000e2");
    static final LocalDate RED_FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate BLACK_FROM = LocalDate.of(2025, 8, 1);

    SagaTestFixture<RedListRevocation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RedListRevocation.class);
    }

    static SubjectListedEvent listed(EntryId entryId, SubjectRef subject, String listCode, ListColour colour,
                                     boolean revokedOnBlackListing, LocalDate from) {
        return new SubjectListedEvent(entryId, listCode, "authority", subject, "文号", from, "理由", from, from.plusYears(2),
                null, List.of(), false, 0, colour, revokedOnBlackListing);
    }

    static SubjectListedEvent contractAbiding(EntryId entryId) {
        return listed(entryId, SUBJECT, "CONTRACT_ABIDING_ENTERPRISE", ListColour.RED, true, RED_FROM);
    }

    static SubjectListedEvent dishonestDebtor(EntryId entryId, LocalDate from) {
        return listed(entryId, SUBJECT, "DISHONEST_JUDGMENT_DEBTOR", ListColour.BLACK, false, from);
    }

    static SubjectDelistedEvent exited(EntryId entryId, String listCode, ExitReason reason) {
        return new SubjectDelistedEvent(entryId, listCode, CODE, reason, null, null, LocalDate.of(2026, 1, 1));
    }

    static RevokeOnBlackListingCommand revoke(EntryId red, EntryId black, LocalDate from) {
        return new RevokeOnBlackListingCommand(red, black, "DISHONEST_JUDGMENT_DEBTOR", from);
    }

    @Test
    void aBlackListingRevokesEveryRevocableRedEntryOfTheSubjectAndNoOther() {
        fixture.givenAPublished(contractAbiding(RED))
                .andThenAPublished(listed(RED_2, SUBJECT, "A_GRADE_TAXPAYER", ListColour.RED, true, RED_FROM))
                .andThenAPublished(listed(KEPT_RED, SUBJECT, "CUSTOMS_ADVANCED_CERTIFIED", ListColour.RED, false, RED_FROM))
                .andThenAPublished(listed(EntryId.random(), OTHER, "CONTRACT_ABIDING_ENTERPRISE", ListColour.RED, true, RED_FROM))
                .whenPublishingA(dishonestDebtor(BLACK, BLACK_FROM))
                .expectDispatchedCommands(revoke(RED, BLACK, BLACK_FROM), revoke(RED_2, BLACK, BLACK_FROM));
    }

    @Test
    void aRedListingWhileABlackEntryIsInForceIsRevokedAtOnce() {
        fixture.givenAPublished(dishonestDebtor(BLACK, BLACK_FROM))
                .whenPublishingA(contractAbiding(RED))
                .expectDispatchedCommands(revoke(RED, BLACK, BLACK_FROM));
    }

    @Test
    void aRedListingAfterTheBlackEntryExitedStays() {
        fixture.givenAPublished(dishonestDebtor(BLACK, BLACK_FROM))
                .andThenAPublished(exited(BLACK, "DISHONEST_JUDGMENT_DEBTOR", ExitReason.REPAIRED))
                .whenPublishingA(contractAbiding(RED))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void theProcessLivesWhileABlackEntryIsInForceAndEndsWithTheLast() {
        fixture.givenAPublished(dishonestDebtor(BLACK, BLACK_FROM))
                .andThenAPublished(dishonestDebtor(BLACK_2, BLACK_FROM.plusMonths(1)))
                .andThenAPublished(exited(BLACK, "DISHONEST_JUDGMENT_DEBTOR", ExitReason.REPAIRED))
                .whenPublishingA(exited(BLACK_2, "DISHONEST_JUDGMENT_DEBTOR", ExitReason.EXPIRED))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void listingsThatNeitherRevokeNorCanBeRevokedLeaveNoProcess() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(listed(KEPT_RED, SUBJECT, "CUSTOMS_ADVANCED_CERTIFIED", ListColour.RED, false, RED_FROM))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aListingStoredBeforeListingsCarriedTheirColourIsIgnored() {
        SubjectListedEvent old = new SubjectListedEvent(BLACK, "DISHONEST_JUDGMENT_DEBTOR", "authority", SUBJECT, "文号",
                BLACK_FROM, "理由", BLACK_FROM, BLACK_FROM.plusYears(2), null, List.of(), false, 0);
        fixture.givenAPublished(contractAbiding(RED))
                .whenPublishingA(old)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void theRevokedRedEntrysExitLeavesTheBlackEntryInForce() {
        fixture.givenAPublished(contractAbiding(RED))
                .andThenAPublished(dishonestDebtor(BLACK, BLACK_FROM))
                .andThenAPublished(exited(RED, "CONTRACT_ABIDING_ENTERPRISE", ExitReason.REVOKED_BY_BLACK_LISTING))
                .whenPublishingA(contractAbiding(RED_2))
                .expectDispatchedCommands(revoke(RED_2, BLACK, BLACK_FROM))
                .expectActiveSagas(1);
    }
}
