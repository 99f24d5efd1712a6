package org.creditledger.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueApiTest extends LedgerHttpTest {

    static final String COURT_BASIS = "《最高人民法院关于公布失信被执行人名单信息的若干规定》";
    static final String PROCUREMENT_BASIS = "《中华人民共和国政府采购法》第二十二条、第七十七条";

    Api admin;
    String suffix;
    String listCode;
    String measureCode;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).as(new TestKeys(apiKeys).admin());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        listCode = "DISHONEST_DEBTOR_" + suffix;
        measureCode = "RESTRICT_PROCUREMENT_" + suffix;
    }

    static Map<String, Object> courtList() {
        Map<String, Object> list = new HashMap<>(Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", "最高人民法院",
                "legalBasis", COURT_BASIS, "periodMonths", 24, "earlyRepairAllowed", true));
        return list;
    }

    Map<String, Object> procurementMeasure() {
        return new HashMap<>(Map.of("name", "限制参加政府采购活动", "kind", "PUNISHMENT", "domain", "GOVERNMENT_PROCUREMENT",
                "scope", "NATIONAL_BASE", "legalBasis", PROCUREMENT_BASIS, "listCodes", List.of(listCode)));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    @Test
    void aListIsCreatedThenChangedAsANewVersionAndAnUnchangedPutRecordsNothing() {
        Api.Response created = admin.put("/api/v1/lists/" + listCode, courtList());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.json().path("minMonthsBeforeRepair").asInt()).isZero();
        long afterCreate = events();

        Api.Response same = admin.put("/api/v1/lists/" + listCode, courtList());
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("version").asInt()).isEqualTo(1);
        assertThat(events()).isEqualTo(afterCreate);

        Api.Response changed = admin.put("/api/v1/lists/" + listCode, with(with(courtList(), "periodMonths", 36), "minMonthsBeforeRepair", 12));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(events()).isEqualTo(afterCreate + 1);

        JsonNode shown = find(admin.get("/api/v1/lists").json(), "listCode", listCode);
        assertThat(shown.path("version").asInt()).isEqualTo(2);
        assertThat(shown.path("periodMonths").asInt()).isEqualTo(36);
        assertThat(shown.path("minMonthsBeforeRepair").asInt()).isEqualTo(12);
        assertThat(shown.path("authority").asText()).isEqualTo("最高人民法院");
        assertThat(shown.path("colour").asText()).isEqualTo("BLACK");
    }

    @Test
    void badListInputIsRefusedAndWritesNothing() {
        admin.put("/api/v1/lists/" + listCode, courtList());
        long before = events();
        assertProblem(admin.put("/api/v1/lists/dishonest-" + suffix, courtList()), 400, "listCode");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "colour", "GREY")), 400, "colour");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "periodMonths", 0)), 400, "periodMonths");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "periodMonths", 121)), 400, "periodMonths");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "minMonthsBeforeRepair", -1)), 400, "minMonthsBeforeRepair");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "legalBasis", " ")), 400, "legalBasis");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "authority", null)), 400, "authority");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "earlyRepairAllowed", null)), 400, "earlyRepairAllowed");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "maxExtensionMonths", 61)), 400, "maxExtensionMonths");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "maxExtensionMonths", -1)), 400, "maxExtensionMonths");
        assertProblem(admin.put("/api/v1/lists/" + listCode, with(courtList(), "remedy", "议".repeat(4001))), 400, "remedy");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aListsPublishedTextsAndExtensionRoundTripAndChangingATextIsANewVersion() {
        Map<String, Object> published = with(with(with(with(with(courtList(),
                "criteria", "被执行人有履行能力而拒不履行生效法律文书确定义务的"),
                "exitConditions", "已履行全部义务的，三个工作日内删除"),
                "procedure", "执行法院作出纳入决定书并送达"),
                "remedy", "可向执行法院申请纠正；不服的，向上一级人民法院申请复议"),
                "maxExtensionMonths", 36);
        Api.Response created = admin.put("/api/v1/lists/" + listCode, published);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("criteria").asText()).isEqualTo("被执行人有履行能力而拒不履行生效法律文书确定义务的");
        assertThat(created.json().path("maxExtensionMonths").asInt()).isEqualTo(36);

        JsonNode shown = find(admin.get("/api/v1/lists").json(), "listCode", listCode);
        assertThat(shown.path("criteria").asText()).isEqualTo("被执行人有履行能力而拒不履行生效法律文书确定义务的");
        assertThat(shown.path("exitConditions").asText()).isEqualTo("已履行全部义务的，三个工作日内删除");
        assertThat(shown.path("procedure").asText()).isEqualTo("执行法院作出纳入决定书并送达");
        assertThat(shown.path("remedy").asText()).isEqualTo("可向执行法院申请纠正；不服的，向上一级人民法院申请复议");
        assertThat(shown.path("maxExtensionMonths").asInt()).isEqualTo(36);

        long afterCreate = events();
        assertThat(admin.put("/api/v1/lists/" + listCode, published).json().path("version").asInt()).isEqualTo(1);
        assertThat(events()).as("an unchanged save records nothing").isEqualTo(afterCreate);
        Api.Response changed = admin.put("/api/v1/lists/" + listCode, with(published, "remedy", null));
        assertThat(changed.json().path("version").asInt()).as(changed.toString()).isEqualTo(2);
        JsonNode withoutRemedy = find(admin.get("/api/v1/lists").json(), "listCode", listCode);
        assertThat(withoutRemedy.path("version").asInt()).isEqualTo(2);
        assertThat(withoutRemedy.has("remedy")).as("a text left out is no text (and no field: nulls are not written)").isFalse();
        assertThat(withoutRemedy.path("criteria").asText()).isEqualTo("被执行人有履行能力而拒不履行生效法律文书确定义务的");
    }

    @Test
    void aMeasureChangedTwiceKeepsAllThreeVersions() {
        admin.put("/api/v1/lists/" + listCode, courtList());
        Api.Response created = admin.put("/api/v1/measures/" + measureCode, procurementMeasure());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        long afterCreate = events();
        assertThat(admin.put("/api/v1/measures/" + measureCode, procurementMeasure()).status()).isEqualTo(200);
        assertThat(events()).as("unchanged measure").isEqualTo(afterCreate);

        Api.Response second = admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "name", "限制参加政府采购"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        Api.Response third = admin.put("/api/v1/measures/" + measureCode,
                with(with(procurementMeasure(), "name", "限制参加政府采购"), "legalBasis", PROCUREMENT_BASIS + "；财库〔2016〕125号"));
        assertThat(third.json().path("version").asInt()).isEqualTo(3);

        JsonNode shown = find(admin.get("/api/v1/measures?listCode=" + listCode).json(), "measureCode", measureCode);
        assertThat(shown.path("version").asInt()).isEqualTo(3);
        assertThat(shown.path("legalBasis").asText()).endsWith("财库〔2016〕125号");
        assertThat(shown.path("listCodes").get(0).asText()).isEqualTo(listCode);

        List<Map<String, Object>> versions = jdbc.sql("select version, name, valid_from from measure_version where measure_code = ? order by version")
                .param(measureCode).query().listOfRows();
        assertThat(versions).extracting(row -> row.get("version")).containsExactly(1, 2, 3);
        assertThat(versions).extracting(row -> row.get("name")).containsExactly("限制参加政府采购活动", "限制参加政府采购", "限制参加政府采购");
        assertThat(versions).allSatisfy(row -> assertThat(row.get("valid_from")).isNotNull());
    }

    @Test
    void measuresAreFilteredByListAndDomain() {
        admin.put("/api/v1/lists/" + listCode, courtList());
        admin.put("/api/v1/measures/" + measureCode, procurementMeasure());
        String consumption = "RESTRICT_CONSUMPTION_" + suffix;
        admin.put("/api/v1/measures/" + consumption, with(with(with(procurementMeasure(), "domain", "CONSUMPTION"), "name", "限制高消费"),
                "legalBasis", "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条"));

        assertThat(codes(admin.get("/api/v1/measures?listCode=" + listCode).json(), "measureCode")).containsExactly(consumption, measureCode);
        assertThat(codes(admin.get("/api/v1/measures?listCode=" + listCode + "&domain=CONSUMPTION").json(), "measureCode")).containsExactly(consumption);
        assertThat(codes(admin.get("/api/v1/measures?domain=GOVERNMENT_PROCUREMENT").json(), "measureCode")).contains(measureCode).doesNotContain(consumption);
        assertProblem(admin.get("/api/v1/measures?domain=WEATHER"), 400, "domain");
    }

    @Test
    void aLocalSupplementWithoutLegalBasisIs400AndWritesNothing() {
        admin.put("/api/v1/lists/" + listCode, courtList());
        long before = events();
        Map<String, Object> local = with(with(procurementMeasure(), "scope", "LOCAL_SUPPLEMENT"), "legalBasis", null);
        Api.Response refused = admin.put("/api/v1/measures/" + measureCode, local);
        assertProblem(refused, 400, "legalBasis");
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:validation");
        assertProblem(admin.put("/api/v1/measures/" + measureCode, with(local, "legalBasis", "  ")), 400, "legalBasis");
        assertThat(events()).isEqualTo(before);

        Api.Response accepted = admin.put("/api/v1/measures/" + measureCode, with(local, "legalBasis", "《四川省社会信用条例》"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().path("scope").asText()).isEqualTo("LOCAL_SUPPLEMENT");
    }

    @Test
    void badMeasureInputIsRefusedAndWritesNothing() {
        admin.put("/api/v1/lists/" + listCode, courtList());
        long before = events();
        assertProblem(admin.put("/api/v1/measures/restrict-" + suffix, procurementMeasure()), 400, "measureCode");
        assertProblem(admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "kind", "REWARD")), 400, "kind");
        assertProblem(admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "domain", "WEATHER")), 400, "domain");
        assertProblem(admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "scope", null)), 400, "scope");
        assertProblem(admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "listCodes", List.of())), 400, "listCodes");
        assertProblem(admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "listCodes", List.of("lower-case"))), 400, "listCodes[0]");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMeasureForAnUnknownListIs422AndWritesNothing() {
        admin.put("/api/v1/lists/" + listCode, courtList());
        long before = events();
        Api.Response r = admin.put("/api/v1/measures/" + measureCode, with(procurementMeasure(), "listCodes", List.of(listCode, "NO_SUCH_LIST_" + suffix)));
        assertProblem(r, 422, "listCodes");
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("NO_SUCH_LIST_" + suffix);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMeasureWhoseKindDoesNotFitItsListsColourIs422AndWritesNothing() {
        String redList = "CONTRACT_HONOURING_" + suffix;
        admin.put("/api/v1/lists/" + listCode, courtList());
        assertThat(admin.put("/api/v1/lists/" + redList, with(with(courtList(), "colour", "RED"), "name", "守合同重信用企业名单")).status())
                .isEqualTo(201);
        long before = events();
        Api.Response punishmentOnRed = admin.put("/api/v1/measures/" + measureCode,
                with(procurementMeasure(), "listCodes", List.of(listCode, redList)));
        assertProblem(punishmentOnRed, 422, "listCodes");
        assertThat(punishmentOnRed.json().path("type").asText()).endsWith("unprocessable");
        assertThat(punishmentOnRed.json().path("errors")).hasSize(1);
        assertThat(punishmentOnRed.json().path("errors").get(0).path("message").asText()).contains(redList);
        Api.Response incentiveOnBlack = admin.put("/api/v1/measures/" + measureCode,
                with(with(procurementMeasure(), "kind", "INCENTIVE"), "listCodes", List.of(redList, listCode)));
        assertProblem(incentiveOnBlack, 422, "listCodes");
        assertThat(incentiveOnBlack.json().path("errors").get(0).path("message").asText()).contains(listCode);
        assertThat(events()).isEqualTo(before);
        assertThat(admin.put("/api/v1/measures/" + measureCode,
                with(with(procurementMeasure(), "kind", "INCENTIVE"), "listCodes", List.of(redList))).status()).isEqualTo(201);
    }

    @Test
    void onlyAdminsChangeTheCatalogueButEveryRoleReadsIt() {
        TestKeys keys = new TestKeys(apiKeys);
        assertThat(admin.put("/api/v1/lists/" + listCode, courtList()).status()).isEqualTo(201);
        long before = events();
        String authority = keys.listAuthority("最高人民法院");
        assertThat(api().as(authority).put("/api/v1/lists/" + listCode, with(courtList(), "periodMonths", 36)).status()).isEqualTo(403);
        assertThat(api().as(keys.counter()).put("/api/v1/measures/" + measureCode, procurementMeasure()).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        assertThat(codes(api().as(keys.counter()).get("/api/v1/lists").json(), "listCode")).contains(listCode);
        assertThat(api().as(authority).get("/api/v1/measures").status()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError(value + " not in " + array));
    }

    private static List<String> codes(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).contains(field);
    }
}
