package org.creditledger.unit;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counties and their departments (issue 15 §3, seed 000 row 37): a target given as 50% of the existing enterprises,
 * counting the letters of every unit of the county; quota answers show the unit's own figures and the rolled-up
 * ones side by side.
 */
class QuotaRollUpApiTest extends LedgerHttpTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * The counties and districts of {@code shared/reference/guangyuan-2025-commitment-targets.csv} (seed 000 row 37:
     * 各不少于辖区内存续企业（含个体工商户）数量的50%): unit, name, existing enterprises, the seed's own target.
     */
    record County(String unitId, String name, String kind, int existingEnterprises, int seedTarget) {
    }

    static final List<County> GUANGYUAN_COUNTIES = List.of(
            new County("gy-cangxi", "苍溪县", "COUNTY", 40000, 20000),
            new County("gy-wangcang", "旺苍县", "COUNTY", 24000, 12000),
            new County("gy-jiange", "剑阁县", "COUNTY", 28000, 14000),
            new County("gy-qingchuan", "青川县", "COUNTY", 12000, 6000),
            new County("gy-lizhou", "利州区", "DISTRICT", 60000, 30000),
            new County("gy-zhaohua", "昭化区", "DISTRICT", 10000, 5000),
            new County("gy-chaotian", "朝天区", "DISTRICT", 10000, 5000));

    Api admin;
    String suffix;
    int year;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        suffix = UUID.randomUUID().toString().substring(0, 8);
        year = LocalDate.now(SHANGHAI).getYear();
    }

    @Test
    void aCountysTargetGivenAsHalfItsExistingEnterprisesIsTheSeedsFigureForEveryGuangyuanCounty() {
        for (County county : GUANGYUAN_COUNTIES) {
            String unitId = county.unitId() + "-" + suffix;
            assertThat(admin.put("/api/v1/units/" + unitId, Map.of("name", county.name(), "kind", county.kind())).status()).isEqualTo(201);
            Api.Response target = admin.put("/api/v1/units/" + unitId + "/targets/2025", Map.of("ratioOfExisting", 0.5,
                    "existingEnterprises", county.existingEnterprises(), "counting", "EACH", "quarterlyRule", true, "includeSubUnits", true));
            assertThat(target.status()).as(target.toString()).isEqualTo(200);
            assertThat(target.json().path("annualTarget").asInt()).as(county.name()).isEqualTo(county.seedTarget());
            assertThat(target.json().path("ratioOfExisting").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(target.json().path("existingEnterprises").asInt()).isEqualTo(county.existingEnterprises());
            assertThat(target.json().path("includeSubUnits").asBoolean()).isTrue();

            JsonNode quota = admin.get("/api/v1/units/" + unitId + "/quota/2025?asOf=2025-12-31").json();
            assertThat(quota.path("annualTarget").asInt()).isEqualTo(county.seedTarget());
            assertThat(quota.path("ratioOfExisting").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(quota.path("existingEnterprises").asInt()).isEqualTo(county.existingEnterprises());
            assertThat(quota.path("quarters").get(0).path("required").asInt()).isEqualTo(county.seedTarget() / 4);
        }
        JsonNode listed = unit("gy-cangxi-" + suffix).path("targets").get(0);
        assertThat(listed.path("annualTarget").asInt()).isEqualTo(20000);
        assertThat(listed.path("ratioOfExisting").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(listed.path("existingEnterprises").asInt()).isEqualTo(40000);
        assertThat(listed.path("includeSubUnits").asBoolean()).isTrue();
    }

    @Test
    void anOddCountOfEnterprisesRoundsTheTargetUp() {
        String unitId = "gy-odd-" + suffix;
        admin.put("/api/v1/units/" + unitId, Map.of("name", "某县", "kind", "COUNTY"));
        Api.Response target = admin.put("/api/v1/units/" + unitId + "/targets/2025",
                Map.of("ratioOfExisting", 0.5, "existingEnterprises", 12345, "counting", "EACH", "quarterlyRule", true));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(target.json().path("annualTarget").asInt()).as("⌈0.5 × 12345⌉").isEqualTo(6173);
        assertThat(target.json().path("includeSubUnits").asBoolean()).as("the default").isFalse();
    }

    @Test
    void aTargetMustBeGivenExactlyOneWay() {
        String unitId = "gy-form-" + suffix;
        admin.put("/api/v1/units/" + unitId, Map.of("name", "苍溪县", "kind", "COUNTY"));
        long before = events();
        String path = "/api/v1/units/" + unitId + "/targets/2025";
        assertProblem(admin.put(path, Map.of("annualTarget", 20000, "ratioOfExisting", 0.5, "existingEnterprises", 40000,
                "counting", "EACH", "quarterlyRule", true)), 422, "annualTarget");
        assertProblem(admin.put(path, Map.of("counting", "EACH", "quarterlyRule", true)), 422, "annualTarget");
        assertProblem(admin.put(path, Map.of("ratioOfExisting", 0.5, "counting", "EACH", "quarterlyRule", true)), 422, "existingEnterprises");
        assertProblem(admin.put(path, Map.of("existingEnterprises", 40000, "counting", "EACH", "quarterlyRule", true)), 422, "ratioOfExisting");
        assertProblem(admin.put(path, Map.of("ratioOfExisting", 0, "existingEnterprises", 40000, "counting", "EACH", "quarterlyRule", true)), 400, "ratioOfExisting");
        assertProblem(admin.put(path, Map.of("ratioOfExisting", 0.5, "existingEnterprises", 0, "counting", "EACH", "quarterlyRule", true)), 400, "existingEnterprises");
        assertProblem(admin.put(path, Map.of("ratioOfExisting", 0.12345, "existingEnterprises", 40000, "counting", "EACH", "quarterlyRule", true)), 400, "ratioOfExisting");
        assertProblem(admin.put(path, Map.of("ratioOfExisting", 10, "existingEnterprises", 100_000_000, "counting", "EACH", "quarterlyRule", true)), 400, "ratioOfExisting");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aCountyCountsTheLettersOfItsDepartmentsAndTheirOfficesTwoLevelsDown() {
        String county = "gy-cangxi-" + suffix;
        String department = "gy-cangxi-market-" + suffix;
        String office = "gy-cangxi-market-yuanba-" + suffix;
        String other = "gy-wangcang-" + suffix;
        save(county, "苍溪县", "COUNTY", null);
        save(department, "苍溪县市场监管局", "OTHER", county);
        save(office, "元坝市场监管所", "OTHER", department);
        save(other, "旺苍县", "COUNTY", null);
        // 苍溪县: 40000 existing enterprises (reference file), 50% → 20000, counting every unit of the county
        target(county, Map.of("ratioOfExisting", 0.5, "existingEnterprises", 40000, "counting", "EACH", "quarterlyRule", true,
                "includeSubUnits", true));
        // the department's own target of 4 letters and records together, first counting its own letters only
        target(department, Map.of("annualTarget", 4, "counting", "COMBINED", "quarterlyRule", false));

        String countyLetter = letter(county);
        letter(department);
        letter(department);
        String officeLetter = letter(office);
        letter(office);
        letter(office);
        letter(other);
        outcome(office, officeLetter);
        outcome(county, countyLetter);

        JsonNode countyQuota = admin.get("/api/v1/units/" + county + "/quota/" + year).json();
        assertThat(countyQuota.path("letters").asLong()).as("the county's own").isEqualTo(1);
        assertThat(countyQuota.path("records").asLong()).isEqualTo(1);
        assertThat(countyQuota.path("rolledUpLetters").asLong()).as("1 + 2 + 3, not 旺苍县's").isEqualTo(6);
        assertThat(countyQuota.path("rolledUpRecords").asLong()).isEqualTo(2);
        assertThat(countyQuota.path("subUnits").asInt()).isEqualTo(2);
        assertThat(countyQuota.path("includeSubUnits").asBoolean()).isTrue();
        assertThat(countyQuota.path("annualTarget").asInt()).isEqualTo(20000);
        assertThat(countyQuota.path("annualMet").asBoolean()).isFalse();
        JsonNode currentQuarter = currentQuarter(countyQuota);
        assertThat(currentQuarter.path("letters").asLong()).isEqualTo(1);
        assertThat(currentQuarter.path("rolledUpLetters").asLong()).isEqualTo(6);
        assertThat(currentQuarter.path("rolledUpRecords").asLong()).isEqualTo(2);

        JsonNode departmentQuota = admin.get("/api/v1/units/" + department + "/quota/" + year).json();
        assertThat(departmentQuota.path("parentUnitId").asText()).isEqualTo(county);
        assertThat(departmentQuota.path("letters").asLong()).isEqualTo(2);
        assertThat(departmentQuota.path("rolledUpLetters").asLong()).isEqualTo(5);
        assertThat(departmentQuota.path("rolledUpRecords").asLong()).isEqualTo(1);
        assertThat(departmentQuota.path("subUnits").asInt()).isEqualTo(1);
        assertThat(departmentQuota.path("annualMet").asBoolean()).as("2 of its own < 4").isFalse();

        target(department, Map.of("annualTarget", 4, "counting", "COMBINED", "quarterlyRule", false, "includeSubUnits", true));
        departmentQuota = admin.get("/api/v1/units/" + department + "/quota/" + year).json();
        assertThat(departmentQuota.path("letters").asLong()).as("own figures stay the unit's own").isEqualTo(2);
        assertThat(departmentQuota.path("annualMet").asBoolean()).as("5 letters + 1 record with the office ≥ 4").isTrue();

        // the city overview: the same figures side by side, one row per unit with a target
        JsonNode overview = api().as(keys().inspector()).get("/api/v1/quota/" + year).json();
        JsonNode countyRow = row(overview, county);
        assertThat(countyRow.path("letters").asLong()).isEqualTo(1);
        assertThat(countyRow.path("rolledUpLetters").asLong()).isEqualTo(6);
        assertThat(countyRow.path("existingEnterprises").asInt()).isEqualTo(40000);
        assertThat(row(overview, department).path("rolledUpLetters").asLong()).isEqualTo(5);
        assertThat(overview.findValuesAsText("unitId")).doesNotContain(office, other);

        // a clerk of the county reads the county's figures, its departments included
        JsonNode asClerk = api().as(keys().clerk(county)).get("/api/v1/units/" + county + "/quota/" + year).json();
        assertThat(asClerk.path("rolledUpLetters").asLong()).isEqualTo(6);
    }

    @Test
    void aDepartmentMovedToAnotherCountyCountsThereFromThen() {
        String cangxi = "gy-cangxi-" + suffix;
        String wangcang = "gy-wangcang-" + suffix;
        String department = "gy-dept-" + suffix;
        save(cangxi, "苍溪县", "COUNTY", null);
        save(wangcang, "旺苍县", "COUNTY", null);
        save(department, "县市场监管局", "OTHER", cangxi);
        target(cangxi, Map.of("ratioOfExisting", 0.5, "existingEnterprises", 40000, "counting", "EACH", "quarterlyRule", true, "includeSubUnits", true));
        target(wangcang, Map.of("ratioOfExisting", 0.5, "existingEnterprises", 24000, "counting", "EACH", "quarterlyRule", true, "includeSubUnits", true));
        letter(department);
        assertThat(admin.get("/api/v1/units/" + cangxi + "/quota/" + year).json().path("rolledUpLetters").asLong()).isEqualTo(1);

        save(department, "县市场监管局", "OTHER", wangcang);
        assertThat(admin.get("/api/v1/units/" + cangxi + "/quota/" + year).json().path("rolledUpLetters").asLong()).isZero();
        assertThat(admin.get("/api/v1/units/" + wangcang + "/quota/" + year).json().path("rolledUpLetters").asLong()).isEqualTo(1);
    }

    private void save(String unitId, String name, String kind, String parentUnitId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", kind));
        if (parentUnitId != null) {
            body.put("parentUnitId", parentUnitId);
        }
        Api.Response saved = admin.put("/api/v1/units/" + unitId, body);
        assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    }

    private void target(String unitId, Map<String, Object> body) {
        Api.Response target = admin.put("/api/v1/units/" + unitId + "/targets/" + year, body);
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
    }

    private String letter(String unitId) {
        String code = SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
        Api.Response posted = api().as(keys().clerk(unitId)).post("/api/v1/commitments", """
                {"unitId": "%s", "type": "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                 "subject": {"kind": "LEGAL_PERSON", "code": "%s", "name": "苍溪县某某农业开发有限公司"},
                 "matter": "食品经营许可", "content": "本单位承诺所提交材料真实有效", "signedOn": "2025-03-01"}"""
                .formatted(unitId, code));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    private void outcome(String unitId, String commitmentId) {
        Api.Response outcome = api().as(keys().clerk(unitId)).post("/api/v1/commitments/" + commitmentId + "/outcome",
                Map.of("outcome", "FULFILLED", "occurredOn", LocalDate.now(SHANGHAI).toString()));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
    }

    private JsonNode unit(String unitId) {
        for (JsonNode unit : admin.get("/api/v1/units").json()) {
            if (unit.path("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError(unitId + " not listed");
    }

    private static JsonNode currentQuarter(JsonNode quota) {
        int quarter = (LocalDate.parse(quota.path("asOf").asText()).getMonthValue() + 2) / 3;
        return quota.path("quarters").get(quarter - 1);
    }

    private static JsonNode row(JsonNode overview, String unitId) {
        for (JsonNode row : overview) {
            if (row.path("unitId").asText().equals(unitId)) {
                return row;
            }
        }
        throw new AssertionError(unitId + " not in the overview");
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).contains(field);
    }
}
