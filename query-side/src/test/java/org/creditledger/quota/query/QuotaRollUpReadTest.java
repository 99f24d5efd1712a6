package org.creditledger.quota.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.readmodel.ReadApiTest;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.readmodel.LedgerEvents.shanghai;

/**
 * Roll-up by quarter and as of a day: the letters of a county's departments and their offices count for the county
 * in the quarter the ledger recorded them, and a target with {@code includeSubUnits} is judged on those figures.
 */
class QuotaRollUpReadTest extends ReadApiTest {

    @Test
    void aCountyCountingItsSubUnitsMeetsItsQuartersWithTheirLettersAsOfAnyDay() {
        String county = "gy-county-" + suffix;
        String department = "gy-county-dept-" + suffix;
        String office = "gy-county-office-" + suffix;
        String ownOnly = "gy-county-own-" + suffix;
        String ownOnlyDepartment = "gy-county-own-dept-" + suffix;
        unit(county, "某县", UnitKind.COUNTY, null);
        unit(department, "某县市场监管局", UnitKind.OTHER, county);
        unit(office, "某镇市场监管所", UnitKind.OTHER, department);
        unit(ownOnly, "另一县", UnitKind.COUNTY, null);
        unit(ownOnlyDepartment, "另一县市场监管局", UnitKind.OTHER, ownOnly);
        // a test county of 8 existing enterprises: 50% → 4 letters and records together, at least 1 a quarter
        target(county, true);
        target(ownOnly, false);
        events.letter(office, shanghai("2025-02-10T10:00"));
        events.letter(ownOnlyDepartment, shanghai("2025-02-10T10:00"));
        events.letter(department, shanghai("2025-04-10T10:00"));

        JsonNode q1 = quota(county, "2025-03-31");
        assertThat(q1.path("letters").asLong()).isZero();
        assertThat(q1.path("rolledUpLetters").asLong()).isEqualTo(1);
        assertThat(q1.path("subUnits").asInt()).isEqualTo(2);
        assertThat(q1.path("annualTarget").asInt()).isEqualTo(4);
        assertThat(q1.path("ratioOfExisting").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(q1.path("existingEnterprises").asInt()).isEqualTo(8);
        assertThat(q1.path("quarters").get(0).path("letters").asLong()).isZero();
        assertThat(q1.path("quarters").get(0).path("rolledUpLetters").asLong()).isEqualTo(1);
        assertThat(q1.path("quarters").get(0).path("met").asBoolean()).as("the office's letter meets the county's Q1").isTrue();
        assertThat(q1.path("onTrack").asBoolean()).isTrue();

        JsonNode other = quota(ownOnly, "2025-03-31");
        assertThat(other.path("rolledUpLetters").asLong()).as("shown beside the own figures all the same").isEqualTo(1);
        assertThat(other.path("quarters").get(0).path("met").asBoolean()).as("judged on its own letters").isFalse();
        assertThat(other.path("onTrack").asBoolean()).isFalse();

        assertThat(quota(county, "2025-02-09").path("rolledUpLetters").asLong()).as("nothing after asOf").isZero();
        JsonNode april = quota(county, "2025-04-30");
        assertThat(april.path("rolledUpLetters").asLong()).isEqualTo(2);
        assertThat(april.path("quarters").get(1).path("rolledUpLetters").asLong()).isEqualTo(1);
        assertThat(api.as(keys.inspector()).get("/api/v1/units/" + department + "/quota/2025").status())
                .as("a department without a target of its own has no quota to show").isEqualTo(404);
    }

    private void unit(String unitId, String name, UnitKind kind, String parent) {
        events.append("Unit", unitId, new UnitRegisteredEvent(new UnitId(unitId), name, kind, parent == null ? null : new UnitId(parent)),
                shanghai("2025-01-01T09:00"));
    }

    private void target(String unitId, boolean includeSubUnits) {
        events.append("Unit", unitId, new QuotaTargetSetEvent(new UnitId(unitId), 2025, 4, QuotaCounting.COMBINED, true,
                includeSubUnits ? Boolean.TRUE : null, new BigDecimal("0.5"), 8), shanghai("2025-01-01T09:05"));
    }

    private JsonNode quota(String unitId, String asOf) {
        return api.as(keys.inspector()).get("/api/v1/units/" + unitId + "/quota/2025?asOf=" + asOf).json();
    }
}
