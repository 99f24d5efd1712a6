package org.creditledger.catalogue.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.SaveListDefinitionCommand;
import org.creditledger.catalogue.api.CatalogueMessages.Saved;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListDefinitionTest {

    static final ListCode WAGE_ARREARS = new ListCode("WAGE_ARREARS_JOINT_PUNISHMENT");
    static final String NAME = "拖欠农民工工资失信联合惩戒对象名单";
    static final String AUTHORITY = "人力资源社会保障部";
    static final String BASIS = "拖欠农民工工资失信联合惩戒对象名单管理暂行办法 (人力资源社会保障部令第45号)";

    AggregateTestFixture<ListDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ListDefinition.class);
    }

    static SaveListDefinitionCommand save(int periodMonths, boolean early, int minMonths) {
        return new SaveListDefinitionCommand(WAGE_ARREARS, NAME, ListColour.BLACK, AUTHORITY, BASIS, periodMonths, early, minMonths, false);
    }

    static ListDefinedEvent defined() {
        return new ListDefinedEvent(WAGE_ARREARS, 1, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6, false);
    }

    @Test
    void savingANewListDefinesVersionOne() {
        fixture.givenNoPriorActivity()
                .when(save(36, true, 6))
                .expectEvents(defined())
                .expectResultMessagePayload(new Saved(true, 1));
    }

    @Test
    void changingAListRecordsTheNextVersion() {
        fixture.given(defined())
                .when(save(36, true, 12))
                .expectEvents(new ListDefinitionChangedEvent(WAGE_ARREARS, 2, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 12, false))
                .expectResultMessagePayload(new Saved(false, 2));
    }

    @Test
    void aThirdChangeIsVersionThree() {
        fixture.given(defined(), new ListDefinitionChangedEvent(WAGE_ARREARS, 2, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 12, false))
                .when(save(24, true, 12))
                .expectEvents(new ListDefinitionChangedEvent(WAGE_ARREARS, 3, NAME, ListColour.BLACK, AUTHORITY, BASIS, 24, true, 12, false));
    }

    @Test
    void savingAnUnchangedListRecordsNothing() {
        fixture.given(defined())
                .when(save(36, true, 6))
                .expectNoEvents()
                .expectResultMessagePayload(new Saved(false, 1));
    }

    @Test
    void withoutEarlyRepairTheMinimumIsIgnored() {
        fixture.givenNoPriorActivity()
                .when(save(36, false, 12))
                .expectEvents(new ListDefinedEvent(WAGE_ARREARS, 1, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, false, 0, false));
    }

    @Test
    void aPeriodOutsideOneToHundredTwentyMonthsIsRefused() {
        fixture.givenNoPriorActivity().when(save(0, true, 6))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("periodMonths"));
        fixture.given(defined()).when(save(121, true, 6))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class);
    }

    @Test
    void aNegativeMinimumBeforeRepairIsRefused() {
        fixture.givenNoPriorActivity().when(save(36, true, -1))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("minMonthsBeforeRepair"));
    }

    @Test
    void aListWithoutAuthorityOrLegalBasisIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SaveListDefinitionCommand(WAGE_ARREARS, NAME, ListColour.BLACK, " ", "", 36, true, 6, false))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("authority"));
    }

    @Test
    void onlyARedListIsRevokedOnBlackListing() {
        fixture.givenNoPriorActivity()
                .when(new SaveListDefinitionCommand(WAGE_ARREARS, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6, true))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("revokedOnBlackListing"));
    }

    @Test
    void revokingOnBlackListingIsAChangeOfTheDefinition() {
        ListCode contractAbiding = new ListCode("CONTRACT_ABIDING_ENTERPRISE");
        fixture.given(new ListDefinedEvent(contractAbiding, 1, "守合同重信用企业", ListColour.RED, AUTHORITY, BASIS, 12, false, 0, false))
                .when(new SaveListDefinitionCommand(contractAbiding, "守合同重信用企业", ListColour.RED, AUTHORITY, BASIS, 12, false, 0, true))
                .expectEvents(new ListDefinitionChangedEvent(contractAbiding, 2, "守合同重信用企业", ListColour.RED, AUTHORITY, BASIS,
                        12, false, 0, true));
    }

    static final String CRITERIA = "克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准的";
    static final String EXIT = "已改正拖欠工资违法行为且自改正之日起六个月内未再发生，并作出信用承诺的，可申请提前移出";
    static final String PROCEDURE = "作出列入决定前书面告知当事人列入事由、依据和陈述申辩权利";
    static final String REMEDY = "对列入决定不服的，可依法申请行政复议或提起行政诉讼";

    static SaveListDefinitionCommand saveWithTexts(String criteria, int maxExtensionMonths) {
        return new SaveListDefinitionCommand(WAGE_ARREARS, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6, false,
                criteria, EXIT, PROCEDURE, REMEDY, maxExtensionMonths);
    }

    @Test
    void theListsPublishedTextsAndExtensionAreRecordedWithTheDefinition() {
        fixture.givenNoPriorActivity()
                .when(saveWithTexts(CRITERIA, 12))
                .expectEvents(new ListDefinedEvent(WAGE_ARREARS, 1, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6,
                        false, CRITERIA, EXIT, PROCEDURE, REMEDY, 12));
    }

    static final ListDefinedEvent WITH_TEXTS = new ListDefinedEvent(WAGE_ARREARS, 1, NAME, ListColour.BLACK, AUTHORITY,
            BASIS, 36, true, 6, false, CRITERIA, EXIT, PROCEDURE, REMEDY, 0);

    @Test
    void savingTheSameTextsAgainRecordsNothingEvenWithSpacesAround() {
        fixture.given(WITH_TEXTS)
                .when(saveWithTexts("  " + CRITERIA + " ", 0))
                .expectNoEvents()
                .expectResultMessagePayload(new Saved(false, 1));
    }

    @Test
    void changingATextIsANewVersion() {
        fixture.given(WITH_TEXTS)
                .when(saveWithTexts(CRITERIA + "，或引发群体性事件的", 0))
                .expectEvents(new ListDefinitionChangedEvent(WAGE_ARREARS, 2, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36,
                        true, 6, false, CRITERIA + "，或引发群体性事件的", EXIT, PROCEDURE, REMEDY, 0));
    }

    @Test
    void aListStoredBeforeTextsAndExtensionIsUnchangedBySavingItWithout() {
        // events stored before issue 12 read the added fields as null: no texts, no extension
        fixture.given(new ListDefinedEvent(WAGE_ARREARS, 1, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6, false,
                        null, null, null, null, null))
                .when(save(36, true, 6))
                .expectNoEvents()
                .expectResultMessagePayload(new Saved(false, 1));
    }

    @Test
    void anExtensionBeyondSixtyMonthsOrATextBeyondFourThousandCharactersIsRefused() {
        fixture.givenNoPriorActivity().when(saveWithTexts(CRITERIA, 61))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("maxExtensionMonths"));
        fixture.givenNoPriorActivity().when(saveWithTexts(CRITERIA, -1))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class);
        fixture.givenNoPriorActivity().when(saveWithTexts("认".repeat(4001), 0))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("criteria"));
    }

    static SaveListDefinitionCommand saveWithRepairRules(RepairWaitFrom waitFrom, Integer workingDays, boolean commitmentRequired) {
        return new SaveListDefinitionCommand(WAGE_ARREARS, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6, false,
                CRITERIA, EXIT, PROCEDURE, REMEDY, 0, waitFrom, workingDays, commitmentRequired);
    }

    @Test
    void theListsRepairRulesAreRecordedWithTheDefinition() {
        fixture.givenNoPriorActivity()
                .when(saveWithRepairRules(RepairWaitFrom.CORRECTION, 10, true))
                .expectEvents(new ListDefinedEvent(WAGE_ARREARS, 1, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36, true, 6,
                        false, CRITERIA, EXIT, PROCEDURE, REMEDY, 0, RepairWaitFrom.CORRECTION, 10, true));
    }

    @Test
    void aListStoredBeforeRepairRulesHasTheDefaultsAndChangingThemIsANewVersion() {
        // WITH_TEXTS stands for an event stored before the repair rules: they read as null, i.e. the defaults
        fixture.given(WITH_TEXTS)
                .when(saveWithRepairRules(null, null, false))
                .expectNoEvents()
                .expectResultMessagePayload(new Saved(false, 1));
        fixture.given(WITH_TEXTS)
                .when(saveWithRepairRules(RepairWaitFrom.DECISION, 5, false))
                .expectNoEvents();
        fixture.given(WITH_TEXTS)
                .when(saveWithRepairRules(RepairWaitFrom.ENTRY, 5, false))
                .expectEvents(new ListDefinitionChangedEvent(WAGE_ARREARS, 2, NAME, ListColour.BLACK, AUTHORITY, BASIS, 36,
                        true, 6, false, CRITERIA, EXIT, PROCEDURE, REMEDY, 0, RepairWaitFrom.ENTRY, 5, false));
    }

    @Test
    void repairDecisionWorkingDaysOutsideOneToSixtyAreRefused() {
        fixture.givenNoPriorActivity().when(saveWithRepairRules(RepairWaitFrom.DECISION, 0, false))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("repairDecisionWorkingDays"));
        fixture.givenNoPriorActivity().when(saveWithRepairRules(RepairWaitFrom.DECISION, 61, false))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class);
    }

    @Test
    void aListCodeMustBeUpperCaseLettersDigitsAndUnderscores() {
        assertThatThrownBy(() -> new ListCode("dishonest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListCode("X")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ListCode("DISHONEST_JUDGMENT_DEBTOR").value()).isEqualTo("DISHONEST_JUDGMENT_DEBTOR");
    }
}
