package org.creditledger.unit.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.readmodel.Guangyuan2025;
import org.creditledger.readmodel.ReadApiTest;
import org.creditledger.testing.Api;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.readmodel.LedgerEvents.shanghai;

class UnitReadApiTest extends ReadApiTest {

    @Test
    void everyRoleSeesUnitsWithTheirTargetsOrderedById() {
        String education = events.unitWithTarget(Guangyuan2025.EDUCATION, suffix);
        events.target(education, 2024, 40, QuotaCounting.EACH, false, shanghai("2025-01-02T10:00"));
        String meteorology = events.unitWithTarget(Guangyuan2025.METEOROLOGY, suffix);
        String admin = keys.admin();
        String[] callers = {admin, keys.inspector(), keys.clerk(education), keys.listAuthority("市发展改革委"), keys.counter()};

        for (String caller : callers) {
            Api.Response r = api.as(caller).get("/api/v1/units");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            r.json().forEach(unit -> ids.add(unit.path("unitId").asText()));
            assertThat(ids).isSorted().contains(education, meteorology);
        }

        JsonNode unit = unit(api.as(admin).get("/api/v1/units"), education);
        assertThat(unit.path("name").asText()).isEqualTo("市教育局");
        assertThat(unit.path("kind").asText()).isEqualTo("MUNICIPAL_DEPARTMENT");
        assertThat(unit.path("targets")).hasSize(2);
        assertThat(unit.path("targets").get(0).path("year").asInt()).isEqualTo(2024);
        JsonNode target2025 = unit.path("targets").get(1);
        assertThat(target2025.path("year").asInt()).isEqualTo(2025);
        assertThat(target2025.path("annualTarget").asInt()).isEqualTo(50);
        assertThat(target2025.path("counting").asText()).isEqualTo("COMBINED");
        assertThat(target2025.path("quarterlyRule").asBoolean()).isTrue();
        assertThat(unit(api.as(admin).get("/api/v1/units"), meteorology).path("targets").get(0).path("quarterlyRule").asBoolean()).isFalse();
    }

    @Test
    void renamingAUnitAndChangingItsTargetShowsTheLatestValues() {
        String unitId = events.unitWithTarget(Guangyuan2025.CANGXI, suffix);
        events.unitChanged(unitId, "苍溪县人民政府", UnitKind.COUNTY, shanghai("2025-02-01T09:00"));
        events.target(unitId, 2025, 20500, QuotaCounting.EACH, true, shanghai("2025-02-01T09:01"));

        JsonNode unit = unit(api.as(keys.counter()).get("/api/v1/units"), unitId);
        assertThat(unit.path("name").asText()).isEqualTo("苍溪县人民政府");
        assertThat(unit.path("targets")).hasSize(1);
        assertThat(unit.path("targets").get(0).path("annualTarget").asInt()).isEqualTo(20500);
    }

    @Test
    void withoutAnApiKeyTheListIsRefused() {
        assertThat(api.as(null).get("/api/v1/units").status()).isEqualTo(401);
    }

    private static JsonNode unit(Api.Response response, String unitId) {
        for (JsonNode unit : response.json()) {
            if (unit.path("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + unitId + " in " + response);
    }
}
