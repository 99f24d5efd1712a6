package org.creditledger.catalogue.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureRetiredEvent;
import org.creditledger.catalogue.api.CatalogueMessages.RetireMeasureCommand;
import org.creditledger.catalogue.api.CatalogueMessages.SaveMeasureCommand;
import org.creditledger.catalogue.api.CatalogueMessages.Saved;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

class MeasureTest {

    static final MeasureCode PROCUREMENT = new MeasureCode("RESTRICT_GOVERNMENT_PROCUREMENT");
    static final ListCode DEBTOR = new ListCode("DISHONEST_JUDGMENT_DEBTOR");
    static final ListCode TAX = new ListCode("MAJOR_TAX_VIOLATION");
    static final String NAME = "限制参加政府采购活动";
    static final String BASIS = "《中华人民共和国政府采购法》第二十二条、第七十七条";

    AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
    }

    static SaveMeasureCommand save(MeasureScope scope, String basis, List<ListCode> lists) {
        return new SaveMeasureCommand(PROCUREMENT, NAME, MeasureKind.PUNISHMENT, MeasureDomain.GOVERNMENT_PROCUREMENT, scope, basis, lists);
    }

    static MeasureDefinedEvent defined() {
        return new MeasureDefinedEvent(PROCUREMENT, 1, NAME, MeasureKind.PUNISHMENT, MeasureDomain.GOVERNMENT_PROCUREMENT,
                MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR, TAX), MeasureBinds.SUBJECT);
    }

    /** Version 1 as stored before measures said whom they bind. */
    static MeasureDefinedEvent definedWithoutBinds() {
        return new MeasureDefinedEvent(PROCUREMENT, 1, NAME, MeasureKind.PUNISHMENT, MeasureDomain.GOVERNMENT_PROCUREMENT,
                MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR, TAX));
    }

    @Test
    void aMeasureStoredWithoutBindsBindsTheSubjectSoSavingItAgainRecordsNothing() {
        fixture.given(definedWithoutBinds())
                .when(save(MeasureScope.NATIONAL_BASE, BASIS, List.of(TAX, DEBTOR)))
                .expectNoEvents()
                .expectResultMessagePayload(new Saved(false, 1));
    }

    @Test
    void bindingThePersonsRecordsTheNextVersion() {
        fixture.given(definedWithoutBinds())
                .when(new SaveMeasureCommand(PROCUREMENT, NAME, MeasureKind.PUNISHMENT, MeasureDomain.GOVERNMENT_PROCUREMENT,
                        MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR, TAX), MeasureBinds.PERSONS))
                .expectEvents(new MeasureChangedEvent(PROCUREMENT, 2, NAME, MeasureKind.PUNISHMENT,
                        MeasureDomain.GOVERNMENT_PROCUREMENT, MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR, TAX),
                        MeasureBinds.PERSONS))
                .expectResultMessagePayload(new Saved(false, 2));
    }

    @Test
    void savingANewMeasureDefinesVersionOneWithItsListsSorted() {
        fixture.givenNoPriorActivity()
                .when(save(MeasureScope.NATIONAL_BASE, BASIS, List.of(TAX, DEBTOR, TAX)))
                .expectEvents(defined())
                .expectResultMessagePayload(new Saved(true, 1));
    }

    @Test
    void changingTheListsRecordsTheNextVersion() {
        fixture.given(defined())
                .when(save(MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR)))
                .expectEvents(new MeasureChangedEvent(PROCUREMENT, 2, NAME, MeasureKind.PUNISHMENT, MeasureDomain.GOVERNMENT_PROCUREMENT,
                        MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR), MeasureBinds.SUBJECT))
                .expectResultMessagePayload(new Saved(false, 2));
    }

    @Test
    void savingAnUnchangedMeasureRecordsNothingWhateverTheListOrder() {
        fixture.given(defined())
                .when(save(MeasureScope.NATIONAL_BASE, BASIS, List.of(TAX, DEBTOR)))
                .expectNoEvents()
                .expectResultMessagePayload(new Saved(false, 1));
    }

    @Test
    void aLocalSupplementWithoutLegalBasisIsRefused() {
        fixture.givenNoPriorActivity()
                .when(save(MeasureScope.LOCAL_SUPPLEMENT, "  ", List.of(DEBTOR)))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(containsString("local-supplement"));
    }

    @Test
    void aLocalSupplementCitingALocalRegulationIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(save(MeasureScope.LOCAL_SUPPLEMENT, "《四川省社会信用条例》", List.of(DEBTOR)))
                .expectEvents(new MeasureDefinedEvent(PROCUREMENT, 1, NAME, MeasureKind.PUNISHMENT, MeasureDomain.GOVERNMENT_PROCUREMENT,
                        MeasureScope.LOCAL_SUPPLEMENT, "《四川省社会信用条例》", List.of(DEBTOR), MeasureBinds.SUBJECT));
    }

    @Test
    void aNationalMeasureWithoutLegalBasisIsRefusedToo() {
        fixture.givenNoPriorActivity()
                .when(save(MeasureScope.NATIONAL_BASE, null, List.of(DEBTOR)))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(containsString("legalBasis"));
    }

    @Test
    void aMeasureForNoListIsRefused() {
        fixture.given(defined())
                .when(save(MeasureScope.NATIONAL_BASE, BASIS, List.of()))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(containsString("listCodes"));
    }

    @Test
    void aMeasureWithoutKindOrDomainIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SaveMeasureCommand(PROCUREMENT, NAME, null, null, MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR)))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(containsString("kind"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"依据有关规定", "本地实际需要", "省里文件"})
    void aLocalSupplementMustNameItsDocument(String basis) {
        fixture.givenNoPriorActivity()
                .when(save(MeasureScope.LOCAL_SUPPLEMENT, basis, List.of(DEBTOR)))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(containsString("legalBasis"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"川府发〔2024〕5号", "广府办发[2023]12号", "国家市场监督管理总局令第44号",
            "《四川省社会信用条例》第四十二条"})
    void aLocalSupplementNamingATitleOrADocumentNumberIsAccepted(String basis) {
        fixture.givenNoPriorActivity()
                .when(save(MeasureScope.LOCAL_SUPPLEMENT, basis, List.of(DEBTOR)))
                .expectSuccessfulHandlerExecution();
    }

    static final LocalDate RETIRED_FROM = LocalDate.of(2026, 1, 1);

    @Test
    void aRetiredMeasureStopsFromItsDayAndKeepsItsVersion() {
        fixture.given(defined())
                .when(new RetireMeasureCommand(PROCUREMENT, "《全国失信惩戒措施基础清单（2025年版）》未列入", RETIRED_FROM))
                .expectEvents(new MeasureRetiredEvent(PROCUREMENT, 1, "《全国失信惩戒措施基础清单（2025年版）》未列入", RETIRED_FROM))
                .expectResultMessagePayload(1);
    }

    @Test
    void aRetirementSaysWhy() {
        fixture.given(defined())
                .when(new RetireMeasureCommand(PROCUREMENT, " ", RETIRED_FROM))
                .expectNoEvents()
                .expectException(InvalidCatalogueEntry.class)
                .expectExceptionMessage(containsString("reason"));
    }

    @Test
    void aRetiredMeasureIsNeitherChangedNorRetiredAgain() {
        MeasureRetiredEvent retired = new MeasureRetiredEvent(PROCUREMENT, 1, "清理", RETIRED_FROM);
        fixture.given(defined(), retired)
                .when(save(MeasureScope.NATIONAL_BASE, BASIS, List.of(DEBTOR)))
                .expectNoEvents()
                .expectException(MeasureRetired.class);
        fixture.given(defined(), retired)
                .when(new RetireMeasureCommand(PROCUREMENT, "再次清理", RETIRED_FROM.plusDays(1)))
                .expectNoEvents()
                .expectException(MeasureRetired.class);
    }
}
