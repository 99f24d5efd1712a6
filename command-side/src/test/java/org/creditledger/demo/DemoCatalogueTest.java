package org.creditledger.demo;

import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogueTest {

    final DemoCatalogue.Catalogue catalogue = DemoCatalogue.read();

    @Test
    void theDemoCarriesTheSixNationalBlackListsAndThreeRedLists() {
        assertThat(catalogue.lists()).filteredOn(list -> list.colour() == ListColour.BLACK).extracting(DemoCatalogue.ListRow::name)
                .containsExactlyInAnyOrder("失信被执行人名单", "重大税收违法失信主体", "市场监督管理严重违法失信名单",
                        "拖欠农民工工资失信联合惩戒对象名单", "政府采购严重违法失信行为记录名单", "安全生产严重失信主体名单");
        assertThat(catalogue.lists()).filteredOn(list -> list.colour() == ListColour.RED).extracting(DemoCatalogue.ListRow::name)
                .containsExactlyInAnyOrder("A级纳税人", "海关高级认证企业", "守合同重信用企业");
        assertThat(catalogue.lists()).allSatisfy(list -> {
            assertThat(ListCode.isValid(list.code())).as(list.code()).isTrue();
            assertThat(list.legalBasis()).as(list.code()).isNotBlank();
            assertThat(list.authority()).as(list.code()).isNotBlank();
            assertThat(list.periodMonths()).as(list.code()).isBetween(1, 120);
        });
        assertThat(catalogue.lists()).filteredOn(list -> list.code().equals("WAGE_ARREARS_JOINT_PUNISHMENT"))
                .singleElement().satisfies(list -> assertThat(list.minMonthsBeforeRepair()).isEqualTo(6));
    }

    /**
     * credit-rules.md: 市监 ≥ 1 year from 列入; 欠薪 ≥ 6 months after correction, with a commitment made (the 市监 list
     * leaves the commitment to the authority, as the list-authority guide's repair without a letter shows).
     */
    @Test
    void theMarketAndWageArrearsListsCountTheirRepairWaitFromEntryAndCorrection() {
        assertThat(catalogue.lists()).filteredOn(list -> list.code().equals("MARKET_SERIOUS_VIOLATION")).singleElement()
                .satisfies(list -> {
                    assertThat(list.repairWaitFrom()).isEqualTo(RepairWaitFrom.ENTRY);
                    assertThat(list.minMonthsBeforeRepair()).isEqualTo(12);
                });
        assertThat(catalogue.lists()).filteredOn(list -> list.code().equals("WAGE_ARREARS_JOINT_PUNISHMENT")).singleElement()
                .satisfies(list -> {
                    assertThat(list.repairWaitFrom()).isEqualTo(RepairWaitFrom.CORRECTION);
                    assertThat(list.repairCommitmentRequired()).isTrue();
                });
        assertThat(catalogue.lists()).filteredOn(list -> !list.code().equals("MARKET_SERIOUS_VIOLATION")
                        && !list.code().equals("WAGE_ARREARS_JOINT_PUNISHMENT"))
                .allSatisfy(list -> assertThat(list.repairWaitFrom()).as(list.code()).isNull());
    }

    /**
     * The two 限制消费 measures (high consumption; children at high-fee private schools, 第三条（七）) bind the persons
     * named in a company's entry too: 《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条第二款 (the legal
     * representative, the principal and the persons directly responsible); every other demo measure binds the listed
     * subject alone.
     */
    @Test
    void theConsumptionRestrictionsBindTheCompanyAndItsNamedPersons() {
        java.util.Set<String> bindingPersons = java.util.Set.of("RESTRICT_HIGH_CONSUMPTION", "RESTRICT_PRIVATE_SCHOOL_FEES");
        assertThat(catalogue.measures()).filteredOn(measure -> bindingPersons.contains(measure.code())).hasSize(2)
                .allSatisfy(measure -> assertThat(measure.binds()).isEqualTo(org.creditledger.catalogue.api.MeasureBinds.BOTH));
        assertThat(catalogue.measures()).filteredOn(measure -> !bindingPersons.contains(measure.code()))
                .allSatisfy(measure -> assertThat(measure.binds()).as(measure.code()).isNull());
    }

    @Test
    void everyListPublishesItsCriteriaExitConditionsProcedureAndRemedy() {
        assertThat(catalogue.lists()).allSatisfy(list -> {
            for (String text : new String[] {list.criteria(), list.exitConditions(), list.procedure(), list.remedy()}) {
                assertThat(text).as(list.code()).isNotBlank().hasSizeLessThanOrEqualTo(4000);
            }
            assertThat(list.maxExtensionMonths()).as(list.code()).isBetween(0, 60);
        });
        // 失信被执行人: 2 years, extendable by 1-3 years (credit-rules.md)
        assertThat(catalogue.lists()).filteredOn(list -> list.code().equals("DISHONEST_JUDGMENT_DEBTOR")).singleElement()
                .satisfies(list -> assertThat(list.periodMonths() + list.maxExtensionMonths()).isEqualTo(60));
        // 安全生产严重失信主体名单 (应急管理部令第11号): 3 years, early exit after at least 12 months
        assertThat(catalogue.lists()).filteredOn(list -> list.name().equals("安全生产严重失信主体名单")).singleElement()
                .satisfies(list -> {
                    assertThat(list.legalBasis()).contains("应急管理部令第11号");
                    assertThat(list.periodMonths()).isEqualTo(36);
                    assertThat(list.earlyRepairAllowed()).isTrue();
                    assertThat(list.minMonthsBeforeRepair()).isEqualTo(12);
                });
    }

    @Test
    void everyDomainHasAMeasureAndEveryMeasureCitesItsBasisAndKnownLists() {
        assertThat(catalogue.measures().stream().map(DemoCatalogue.MeasureRow::domain).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(MeasureDomain.class));
        Set<String> lists = catalogue.lists().stream().map(DemoCatalogue.ListRow::code).collect(Collectors.toSet());
        Set<String> red = catalogue.lists().stream().filter(list -> list.colour() == ListColour.RED).map(DemoCatalogue.ListRow::code)
                .collect(Collectors.toSet());
        assertThat(catalogue.measures()).allSatisfy(measure -> {
            assertThat(MeasureCode.isValid(measure.code())).as(measure.code()).isTrue();
            assertThat(measure.legalBasis()).as(measure.code()).isNotBlank();
            assertThat(measure.listCodes()).as(measure.code()).isNotEmpty().isSubsetOf(lists);
            // incentives follow red lists, punishments black ones
            assertThat(measure.listCodes().stream().allMatch(red::contains)).as(measure.code()).isEqualTo(measure.kind() == MeasureKind.INCENTIVE);
            // and never mixed: the catalogue refuses a PUNISHMENT naming a RED list with 422 (issue 12)
            assertThat(measure.listCodes().stream().noneMatch(red::contains)).as(measure.code()).isEqualTo(measure.kind() == MeasureKind.PUNISHMENT);
        });
        assertThat(catalogue.measures()).filteredOn(measure -> measure.kind() == MeasureKind.INCENTIVE)
                .extracting(DemoCatalogue.MeasureRow::domain).contains(MeasureDomain.ADMIN_APPROVAL, MeasureDomain.MARKET_SUPERVISION);
        assertThat(catalogue.measures()).filteredOn(measure -> measure.scope() == MeasureScope.LOCAL_SUPPLEMENT)
                .singleElement().satisfies(measure -> assertThat(measure.legalBasis()).contains("四川省社会信用条例"));
    }
}
