package org.creditledger.demo;

import org.creditledger.unit.api.QuotaCounting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTargetsTest {

    @Test
    void theDemoCarriesAll32GuangyuanUnitsWithTheirSeedFigures() {
        List<DemoData.UnitTarget> targets = DemoData.targets();
        assertThat(targets).hasSize(32);
        assertThat(targets).contains(
                new DemoData.UnitTarget("gy-market-regulation", "市市场监管局", org.creditledger.unit.api.UnitKind.MUNICIPAL_DEPARTMENT, 2025, 5000, QuotaCounting.EACH, true),
                new DemoData.UnitTarget("gy-education", "市教育局", org.creditledger.unit.api.UnitKind.MUNICIPAL_DEPARTMENT, 2025, 50, QuotaCounting.COMBINED, true),
                new DemoData.UnitTarget("gy-meteorology", "市气象局", org.creditledger.unit.api.UnitKind.CENTRAL_AGENCY_BRANCH, 2025, 15, QuotaCounting.COMBINED, false),
                new DemoData.UnitTarget("gy-lizhou", "利州区", org.creditledger.unit.api.UnitKind.DISTRICT, 2025, 30000, QuotaCounting.EACH, true));
    }

    @Test
    void theDemoAlsoRegistersTheSeedUnitsThatHaveNoTarget() {
        assertThat(DemoData.unitsWithoutTarget()).hasSize(11)
                .contains(new org.creditledger.unit.api.UnitMessages.SaveUnitCommand(new org.creditledger.unit.api.UnitId("gy-zwfw"),
                        "市政务服务和数据局", org.creditledger.unit.api.UnitKind.MUNICIPAL_DEPARTMENT));
        assertThat(DemoData.unitsWithoutTarget()).extracting(unit -> unit.unitId().value())
                .doesNotContainAnyElementsOf(DemoData.targets().stream().map(DemoData.UnitTarget::unitId).toList());
    }

    @Test
    void countiesAndDistrictsGetHalfTheirExistingEnterprisesCountingTheirWholeJurisdictionAsTheSeedSays() {
        java.util.Map<String, org.creditledger.unit.api.ExistingEnterpriseRatio> ratios = DemoData.countyRatios();
        assertThat(ratios).containsOnlyKeys("gy-cangxi", "gy-wangcang", "gy-jiange", "gy-qingchuan", "gy-lizhou", "gy-zhaohua", "gy-chaotian");
        assertThat(ratios.get("gy-cangxi").existingEnterprises()).isEqualTo(40000);
        for (DemoData.UnitTarget target : DemoData.targets()) {
            var command = DemoData.targetCommand(target, ratios.get(target.unitId()));
            // the seed's own figure (苍溪县20000份 …) is ⌈0.5 × 存续企业数⌉: the ratio form changes no target
            assertThat(command.annualTarget()).as(target.unitId()).isEqualTo(target.annualTarget());
            assertThat(command.includeSubUnits()).as(target.unitId()).isEqualTo(ratios.containsKey(target.unitId()));
        }
    }
}
