package org.creditledger.unit.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.unit.api.ExistingEnterpriseRatio;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.SaveUnitCommand;
import org.creditledger.unit.api.UnitMessages.SetQuotaTargetCommand;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTest {

    static final UnitId EDUCATION = new UnitId("gy-education");

    AggregateTestFixture<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
    }

    @Test
    void savingANewUnitRegistersIt() {
        fixture.givenNoPriorActivity()
                .when(new SaveUnitCommand(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .expectEvents(new UnitRegisteredEvent(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .expectResultMessagePayload(true);
    }

    @Test
    void renamingAUnitRecordsTheChange() {
        fixture.given(new UnitRegisteredEvent(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .when(new SaveUnitCommand(EDUCATION, "广元市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .expectEvents(new UnitChangedEvent(EDUCATION, "广元市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .expectResultMessagePayload(false);
    }

    @Test
    void savingAnUnchangedUnitRecordsNothing() {
        fixture.given(new UnitRegisteredEvent(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .when(new SaveUnitCommand(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void settingATargetRecordsIt() {
        fixture.given(new UnitRegisteredEvent(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT))
                .when(new SetQuotaTargetCommand(EDUCATION, 2025, 50, QuotaCounting.COMBINED, true))
                .expectEvents(new QuotaTargetSetEvent(EDUCATION, 2025, 50, QuotaCounting.COMBINED, true));
    }

    @Test
    void settingTheSameTargetAgainRecordsNothing() {
        fixture.given(new UnitRegisteredEvent(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT),
                        new QuotaTargetSetEvent(EDUCATION, 2025, 50, QuotaCounting.COMBINED, true))
                .when(new SetQuotaTargetCommand(EDUCATION, 2025, 50, QuotaCounting.COMBINED, true))
                .expectNoEvents();
    }

    @Test
    void changingATargetRecordsTheNewOne() {
        fixture.given(new UnitRegisteredEvent(EDUCATION, "市教育局", UnitKind.MUNICIPAL_DEPARTMENT),
                        new QuotaTargetSetEvent(EDUCATION, 2025, 50, QuotaCounting.COMBINED, true))
                .when(new SetQuotaTargetCommand(EDUCATION, 2025, 60, QuotaCounting.COMBINED, true))
                .expectEvents(new QuotaTargetSetEvent(EDUCATION, 2025, 60, QuotaCounting.COMBINED, true));
    }

    @Test
    void aTargetForAnUnknownUnitFails() {
        fixture.givenNoPriorActivity()
                .when(new SetQuotaTargetCommand(EDUCATION, 2025, 60, QuotaCounting.COMBINED, true))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    static final UnitId CANGXI = new UnitId("gy-cangxi");
    static final UnitId CANGXI_MARKET = new UnitId("gy-cangxi-market-regulation");

    @Test
    void aUnitRegisteredUnderAParentRecordsItsParent() {
        fixture.givenNoPriorActivity()
                .when(new SaveUnitCommand(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI))
                .expectEvents(new UnitRegisteredEvent(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI))
                .expectResultMessagePayload(true);
    }

    @Test
    void movingAUnitUnderAParentOrOutOfItRecordsTheChange() {
        fixture.given(new UnitRegisteredEvent(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER))
                .when(new SaveUnitCommand(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI))
                .expectEvents(new UnitChangedEvent(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI));
        fixture.given(new UnitRegisteredEvent(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI))
                .when(new SaveUnitCommand(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER))
                .expectEvents(new UnitChangedEvent(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, null));
    }

    @Test
    void savingAUnitUnderTheSameParentAgainRecordsNothing() {
        fixture.given(new UnitRegisteredEvent(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI))
                .when(new SaveUnitCommand(CANGXI_MARKET, "苍溪县市场监管局", UnitKind.OTHER, CANGXI))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aTargetGivenAsHalfTheExistingEnterprisesRecordsTheShareTheCountAndTheWorkedOutTarget() {
        // 苍溪县: 40000 existing enterprises, seed 000 row 37 → 不少于50% = 20000 letters
        fixture.given(new UnitRegisteredEvent(CANGXI, "苍溪县", UnitKind.COUNTY))
                .when(new SetQuotaTargetCommand(CANGXI, 2025, new ExistingEnterpriseRatio(new BigDecimal("0.50"), 40000),
                        QuotaCounting.EACH, true, true))
                .expectEvents(new QuotaTargetSetEvent(CANGXI, 2025, 20000, QuotaCounting.EACH, true, true, new BigDecimal("0.5"), 40000));
    }

    @Test
    void anOddCountRoundsTheTargetUp() {
        assertThat(new ExistingEnterpriseRatio(new BigDecimal("0.5"), 12345).annualTarget()).isEqualTo(6173);
        assertThat(new ExistingEnterpriseRatio(new BigDecimal("0.333"), 1000).annualTarget()).isEqualTo(333);
        assertThat(new ExistingEnterpriseRatio(new BigDecimal("0.3331"), 1000).annualTarget()).isEqualTo(334);
    }

    @Test
    void theSameRatioTargetAgainRecordsNothingButCountingSubUnitsIsAChange() {
        fixture.given(new UnitRegisteredEvent(CANGXI, "苍溪县", UnitKind.COUNTY),
                        new QuotaTargetSetEvent(CANGXI, 2025, 20000, QuotaCounting.EACH, true, true, new BigDecimal("0.5"), 40000))
                .when(new SetQuotaTargetCommand(CANGXI, 2025, new ExistingEnterpriseRatio(new BigDecimal("0.5"), 40000),
                        QuotaCounting.EACH, true, true))
                .expectNoEvents();
        fixture.given(new UnitRegisteredEvent(CANGXI, "苍溪县", UnitKind.COUNTY),
                        new QuotaTargetSetEvent(CANGXI, 2025, 20000, QuotaCounting.EACH, true))
                .when(new SetQuotaTargetCommand(CANGXI, 2025, 20000, QuotaCounting.EACH, true, true, null))
                .expectEvents(new QuotaTargetSetEvent(CANGXI, 2025, 20000, QuotaCounting.EACH, true, true, null, null));
    }

    @Test
    void anOldTargetEventWithoutTheNewFieldsEqualsTheSameTargetGivenAsANumber() {
        fixture.given(new UnitRegisteredEvent(CANGXI, "苍溪县", UnitKind.COUNTY),
                        new QuotaTargetSetEvent(CANGXI, 2025, 20000, QuotaCounting.EACH, true, null, null, null))
                .when(new SetQuotaTargetCommand(CANGXI, 2025, 20000, QuotaCounting.EACH, true))
                .expectNoEvents();
    }
}
