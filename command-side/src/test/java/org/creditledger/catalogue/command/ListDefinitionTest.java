package org.creditledger.catalogue.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.SaveListDefinitionCommand;
import org.creditledger.catalogue.api.CatalogueMessages.Saved;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
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

    @Test
    void aListCodeMustBeUpperCaseLettersDigitsAndUnderscores() {
        assertThatThrownBy(() -> new ListCode("dishonest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListCode("X")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ListCode("DISHONEST_JUDGMENT_DEBTOR").value()).isEqualTo("DISHONEST_JUDGMENT_DEBTOR");
    }
}
