package org.creditledger.jointaction.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.jointaction.api.JointActionId;
import org.creditledger.jointaction.api.JointActionMessages.JointActionRecordedEvent;
import org.creditledger.jointaction.api.JointActionMessages.RecordJointActionCommand;
import org.creditledger.listing.api.EntryId;
import org.creditledger.unit.api.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class JointActionTest {

    static final JointActionId ID = JointActionId.parse("7a2d3b4c-1e2f-4a5b-8c9d-000000000001");
    static final EntryId ENTRY = EntryId.parse("7a2d3b4c-1e2f-4a5b-8c9d-0000000000e1");
    static final String LIST = "DISHONEST_JUDGMENT_DEBTOR";
    static final String SUBJECT = "91110108MA01R7K44D";
    static final MeasureCode MEASURE = new MeasureCode("RESTRICT_GOVERNMENT_PROCUREMENT");
    static final UnitId FINANCE = new UnitId("gy-finance");
    static final LocalDate TAKEN = LocalDate.of(2025, 5, 12);

    AggregateTestFixture<JointAction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointAction.class);
    }

    static RecordJointActionCommand record(String matter, String result) {
        return new RecordJointActionCommand(ID, ENTRY, LIST, SUBJECT, MEASURE, MeasureKind.PUNISHMENT,
                MeasureDomain.GOVERNMENT_PROCUREMENT, 2, FINANCE, matter, TAKEN, result);
    }

    @Test
    void aCaseIsRecordedWithTheFactsTheCommandCarries() {
        fixture.givenNoPriorActivity()
                .when(record("  市级政府采购项目投标资格审查 ", "取消其投标资格"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new JointActionRecordedEvent(ID, ENTRY, LIST, SUBJECT, MEASURE, MeasureKind.PUNISHMENT,
                        MeasureDomain.GOVERNMENT_PROCUREMENT, 2, FINANCE, "市级政府采购项目投标资格审查", TAKEN, "取消其投标资格"));
    }

    @Test
    void aBlankMatterIsRejected() {
        fixture.givenNoPriorActivity()
                .when(record(" ", "取消其投标资格"))
                .expectException(JointActionRejected.class)
                .expectExceptionMessage("problem.validation.fields")
                .expectNoEvents();
    }

    @Test
    void aMissingResultIsRejected() {
        fixture.givenNoPriorActivity()
                .when(record("市级政府采购项目投标资格审查", null))
                .expectException(JointActionRejected.class)
                .expectNoEvents();
    }

    @Test
    void aResultLongerThanAllowedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(record("市级政府采购项目投标资格审查", "果".repeat(JointAction.MAX_RESULT + 1)))
                .expectException(JointActionRejected.class)
                .expectNoEvents();
    }

    @Test
    void aCaseWithoutItsMeasureDomainIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordJointActionCommand(ID, ENTRY, LIST, SUBJECT, MEASURE, MeasureKind.PUNISHMENT, null, 2,
                        FINANCE, "市级政府采购项目投标资格审查", TAKEN, "取消其投标资格"))
                .expectException(JointActionRejected.class)
                .expectNoEvents();
    }
}
