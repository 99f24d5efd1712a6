package org.creditledger.unit.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
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
}
