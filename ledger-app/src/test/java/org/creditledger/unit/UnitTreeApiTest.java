package org.creditledger.unit;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.command.KnownUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Units belong to units (issue 15 §3: a county and its departments). The command-side unit lookup decides whether a
 * parent may be named: it must be registered, and no unit may end up among its own ancestors. Refusals are 422 and
 * write nothing.
 */
class UnitTreeApiTest extends LedgerHttpTest {

    @Autowired
    KnownUnits knownUnits;

    Api admin;
    String suffix;
    String county;
    String department;
    String office;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        suffix = UUID.randomUUID().toString().substring(0, 8);
        county = "gy-cangxi-" + suffix;
        department = "gy-cangxi-market-" + suffix;
        office = "gy-cangxi-market-yuanba-" + suffix;
    }

    @Test
    void aUnitNamesItsParentAndTheUnitListShowsIt() {
        assertThat(save(county, "苍溪县", "COUNTY", null).status()).isEqualTo(201);
        Api.Response registered = save(department, "苍溪县市场监管局", "OTHER", county);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("parentUnitId").asText()).isEqualTo(county);
        assertThat(save(office, "元坝市场监管所", "OTHER", department).status()).isEqualTo(201);

        assertThat(unit(department).path("parentUnitId").asText()).isEqualTo(county);
        assertThat(unit(office).path("parentUnitId").asText()).isEqualTo(department);
        assertThat(unit(county).hasNonNull("parentUnitId")).as("a county belongs to no unit here").isFalse();
        assertThat(knownUnits.parentOf(new UnitId(office))).contains(new UnitId(department));

        // a PUT without parentUnitId takes the unit out of the tree, as PUT replaces the unit
        assertThat(save(office, "元坝市场监管所", "OTHER", null).status()).isEqualTo(200);
        assertThat(unit(office).hasNonNull("parentUnitId")).isFalse();
        assertThat(knownUnits.parentOf(new UnitId(office))).isEmpty();
    }

    @Test
    void anUnknownParentIs422AndWritesNothing() {
        long before = events();
        assertRefused(save(department, "苍溪县市场监管局", "OTHER", "gy-nowhere-" + suffix), "unprocessable");
        assertThat(api().as(keys().admin()).get("/api/v1/units").json().findValuesAsText("unitId")).doesNotContain(department);

        save(department, "苍溪县市场监管局", "OTHER", null);
        long registered = events();
        assertRefused(save(department, "苍溪县市场监管局", "OTHER", "gy-nowhere-" + suffix), "unprocessable");
        assertThat(events()).isEqualTo(registered).isEqualTo(before + 1);
        assertThat(knownUnits.parentOf(new UnitId(department))).isEmpty();
    }

    @Test
    void aUnitCannotBeItsOwnParentNorItsOwnAncestorAtAnyLevel() {
        save(county, "苍溪县", "COUNTY", null);
        save(department, "苍溪县市场监管局", "OTHER", county);
        save(office, "元坝市场监管所", "OTHER", department);
        long before = events();

        assertRefused(save(county, "苍溪县", "COUNTY", county), "unprocessable");
        assertRefused(save(county, "苍溪县", "COUNTY", department), "unprocessable");
        Api.Response twoLevels = admin.inEnglish().put("/api/v1/units/" + county,
                Map.of("name", "苍溪县", "kind", "COUNTY", "parentUnitId", office));
        assertRefused(twoLevels, "unprocessable");
        assertThat(twoLevels.json().path("detail").asText()).contains(county + " → " + office + " → " + department + " → " + county);
        // a brand-new unit naming itself: its parent would be itself the moment it exists
        assertRefused(save("gy-self-" + suffix, "自指单位", "OTHER", "gy-self-" + suffix), "unprocessable");

        assertThat(events()).isEqualTo(before);
        assertThat(knownUnits.parentOf(new UnitId(county))).isEmpty();
        // moving a unit sideways or down another branch is no cycle
        save("gy-wangcang-" + suffix, "旺苍县", "COUNTY", null);
        assertThat(save(department, "苍溪县市场监管局", "OTHER", "gy-wangcang-" + suffix).status()).isEqualTo(200);
        assertThat(save(county, "苍溪县", "COUNTY", office).status()).as("the office is no longer below the county").isEqualTo(200);
    }

    @Test
    void theLookupAnswersTheRuleDirectly() {
        save(county, "苍溪县", "COUNTY", null);
        save(department, "苍溪县市场监管局", "OTHER", county);
        knownUnits.requireParent(new UnitId(office), new UnitId(department));
        assertThatThrownBy(() -> knownUnits.requireParent(new UnitId(county), new UnitId(department)))
                .isInstanceOf(KnownUnits.UnitTreeCycle.class);
        assertThatThrownBy(() -> knownUnits.requireParent(new UnitId(county), new UnitId(county)))
                .isInstanceOf(KnownUnits.UnitTreeCycle.class);
        assertThatThrownBy(() -> knownUnits.requireParent(new UnitId(county), new UnitId("gy-nowhere-" + suffix)))
                .isInstanceOf(KnownUnits.UnknownUnit.class);
    }

    @Test
    void twoConcurrentMovesThatTogetherCloseACycleCannotBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = "gy-a" + round + "-" + suffix;
            String b = "gy-b" + round + "-" + suffix;
            save(a, "甲单位", "OTHER", null);
            save(b, "乙单位", "OTHER", null);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Api.Response> aUnderB = CompletableFuture.supplyAsync(() -> afterBarrier(start, () -> save(a, "甲单位", "OTHER", b)));
            CompletableFuture<Api.Response> bUnderA = CompletableFuture.supplyAsync(() -> afterBarrier(start, () -> save(b, "乙单位", "OTHER", a)));
            List<Integer> statuses = List.of(aUnderB.get().status(), bUnderA.get().status());
            assertThat(statuses).as("round %d: %s / %s", round, aUnderB.get(), bUnderA.get()).containsExactlyInAnyOrder(200, 422);
            boolean aMoved = aUnderB.get().status() == 200;
            assertThat(knownUnits.parentOf(new UnitId(aMoved ? a : b))).contains(new UnitId(aMoved ? b : a));
            assertThat(knownUnits.parentOf(new UnitId(aMoved ? b : a))).isEmpty();
        }
    }

    private Api.Response save(String unitId, String name, String kind, String parentUnitId) {
        return admin.put("/api/v1/units/" + unitId, parentUnitId == null ? Map.of("name", name, "kind", kind)
                : Map.of("name", name, "kind", kind, "parentUnitId", parentUnitId));
    }

    private JsonNode unit(String unitId) {
        for (JsonNode unit : admin.get("/api/v1/units").json()) {
            if (unit.path("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError(unitId + " not listed");
    }

    private static Api.Response afterBarrier(CyclicBarrier barrier, java.util.function.Supplier<Api.Response> call) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.get();
    }

    private static void assertRefused(Api.Response r, String type) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:" + type);
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).contains("parentUnitId");
    }
}
