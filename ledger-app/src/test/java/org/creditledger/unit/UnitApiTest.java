package org.creditledger.unit;

import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UnitApiTest extends LedgerHttpTest {


    Api admin;
    String unitId;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).as(new TestKeys(apiKeys).admin());
        unitId = "gy-cangxi-" + UUID.randomUUID().toString().substring(0, 8);
    }


    @Test
    void putCreatesThenUpdatesAndAnUnchangedPutRecordsNothing() {
        assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "COUNTY")).status()).isEqualTo(201);
        long afterCreate = events();
        Api.Response same = admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "COUNTY"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(events()).isEqualTo(afterCreate);
        Api.Response renamed = admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县人民政府", "kind", "COUNTY"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("苍溪县人民政府");
        assertThat(events()).isEqualTo(afterCreate + 1);
    }

    @Test
    void aCountyTargetFromTheSeedIsRecorded() {
        admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "COUNTY"));
        Api.Response target = admin.put("/api/v1/units/" + unitId + "/targets/2025", Map.of("annualTarget", 20000, "counting", "EACH", "quarterlyRule", true));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(target.json().path("annualTarget").asInt()).isEqualTo(20000);
        assertThat(target.json().path("counting").asText()).isEqualTo("EACH");
    }

    @Test
    void badUnitAndTargetInputIsRefusedAndWritesNothing() {
        admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "COUNTY"));
        long before = events();
        assertProblem(admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "PROVINCE")), 400, "kind");
        assertProblem(admin.put("/api/v1/units/" + unitId, Map.of("kind", "COUNTY")), 400, "name");
        assertProblem(admin.put("/api/v1/units/bad id!", Map.of("name", "x", "kind", "COUNTY")), 400, "unitId");
        // the test client encodes '%' as %25, which the firewall refuses before any controller sees the id
        Api.Response encodedPercent = admin.put("/api/v1/units/bad%20id!", Map.of("name", "x", "kind", "COUNTY"));
        assertThat(encodedPercent.status()).isEqualTo(400);
        assertThat(encodedPercent.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:rejected-request");
        assertProblem(admin.put("/api/v1/units/" + unitId + "/targets/1999", Map.of("annualTarget", 10, "counting", "EACH", "quarterlyRule", true)), 400, "year");
        assertProblem(admin.put("/api/v1/units/" + unitId + "/targets/2025", Map.of("annualTarget", 0, "counting", "EACH", "quarterlyRule", true)), 400, "annualTarget");
        assertProblem(admin.put("/api/v1/units/" + unitId + "/targets/2025", Map.of("annualTarget", 10, "counting", "BOTH", "quarterlyRule", true)), 400, "counting");
        assertProblem(admin.put("/api/v1/units/" + unitId + "/targets/2025", Map.of("annualTarget", 10, "counting", "EACH")), 400, "quarterlyRule");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTargetForAnUnknownUnitIs404() {
        Api.Response r = admin.put("/api/v1/units/gy-nowhere-" + unitId + "/targets/2025", Map.of("annualTarget", 10, "counting", "EACH", "quarterlyRule", true));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:not-found");
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).contains(field);
    }
}
