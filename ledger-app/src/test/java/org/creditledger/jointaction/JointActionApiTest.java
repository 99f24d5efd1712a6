package org.creditledger.jointaction;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.creditledger.LedgerHttpTest;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.ListEntryMessages.DelistCommand;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联合奖惩案例 over HTTP. Entries are made by sending {@link EnterListCommand} through the command gateway, as the
 * list-entry endpoint would, so these tests depend only on the catalogue endpoints and the listing aggregate.
 */
class JointActionApiTest extends LedgerHttpTest {

    static final String AUTHORITY = "最高人民法院";
    static final SubjectRef COMPANY = new SubjectRef(SubjectKind.LEGAL_PERSON, "91110108MA01R7K44D", "广元市某某建材有限公司");

    @Autowired
    CommandGateway commandGateway;

    Api admin;
    String suffix;
    String unit;
    String otherUnit;
    String blackList;
    String redList;
    String procurement;
    String honours;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        unit = "gy-finance-" + suffix.toLowerCase();
        otherUnit = "gy-tax-" + suffix.toLowerCase();
        blackList = "DISHONEST_DEBTOR_" + suffix;
        redList = "TAX_CREDIT_A_" + suffix;
        procurement = "RESTRICT_PROCUREMENT_" + suffix;
        honours = "PRIORITY_HONOURS_" + suffix;
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "广元市财政局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/units/" + otherUnit, Map.of("name", "国家税务总局广元市税务局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/lists/" + blackList, list("失信被执行人名单", "BLACK")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/lists/" + redList, list("纳税信用A级纳税人名单", "RED")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/" + procurement, measure("限制参加政府采购活动", "PUNISHMENT", "GOVERNMENT_PROCUREMENT", blackList)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/" + honours, measure("评优评先优先考虑", "INCENTIVE", "HONOURS", redList)).status()).isEqualTo(201);
    }

    static Map<String, Object> list(String name, String colour) {
        return Map.of("name", name, "colour", colour, "authority", AUTHORITY, "legalBasis", "《社会信用体系建设规划纲要》",
                "periodMonths", 36, "earlyRepairAllowed", true);
    }

    static Map<String, Object> measure(String name, String kind, String domain, String listCode) {
        return Map.of("name", name, "kind", kind, "domain", domain, "scope", "NATIONAL_BASE",
                "legalBasis", "发改财金〔2016〕141号", "listCodes", List.of(listCode));
    }

    EntryId enter(String listCode, LocalDate from, LocalDate until) {
        EntryId entryId = EntryId.random();
        commandGateway.sendAndWait(new EnterListCommand(entryId, listCode, AUTHORITY, COMPANY, "(2025)川08执" + suffix,
                from.minusDays(3), "拒不履行生效法律文书确定的义务", from, until, NamedPerson.named("张三"), List.of(), true, 0, null, ListColour.BLACK, false));
        return entryId;
    }

    Map<String, Object> body(EntryId entryId, String measureCode, String unitId, String takenOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("entryId", entryId.toString());
        body.put("measureCode", measureCode);
        body.put("unitId", unitId);
        body.put("matter", "市级政府采购项目投标资格审查");
        body.put("takenOn", takenOn);
        body.put("result", "取消其投标资格，已反馈认定部门");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @Test
    void aClerkRecordsAPunishmentOnABlackListEntryAndReadsItBack() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        Api clerk = api().as(keys().clerk(unit));

        Api.Response created = clerk.post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-05-12"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("jointActionId").asText();
        assertThat(created.headers().getLocation()).hasToString("/api/v1/joint-actions/" + id);

        Api.Response read = clerk.get("/api/v1/joint-actions/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.path("entryId").asText()).isEqualTo(entry.toString());
        assertThat(view.path("listCode").asText()).isEqualTo(blackList);
        assertThat(view.path("subjectCode").asText()).isEqualTo(COMPANY.code());
        assertThat(view.path("measureCode").asText()).isEqualTo(procurement);
        assertThat(view.path("measureKind").asText()).isEqualTo("PUNISHMENT");
        assertThat(view.path("measureDomain").asText()).isEqualTo("GOVERNMENT_PROCUREMENT");
        assertThat(view.path("measureVersion").asInt()).isEqualTo(1);
        assertThat(view.path("unitId").asText()).isEqualTo(unit);
        assertThat(view.path("takenOn").asText()).isEqualTo("2025-05-12");
        assertThat(view.path("result").asText()).isEqualTo("取消其投标资格，已反馈认定部门");

        assertThat(api().as(keys().inspector()).get("/api/v1/joint-actions/" + id).status()).isEqualTo(200);
        assertThat(api().as(keys().clerk(otherUnit)).get("/api/v1/joint-actions/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/joint-actions/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aMeasureThatDoesNotApplyToTheEntrysListIs422NamingTheList() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        long before = events();
        Api.Response refused = admin.post("/api/v1/joint-actions", body(entry, honours, unit, "2025-05-12"));
        assertProblem(refused, 422, "measureCode");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains(blackList);
        assertThat(refused.json().path("detail").asText()).contains(blackList);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aCaseTakenBeforeTheEntryTookEffectIs422() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 29));
        long before = events();
        assertProblem(admin.post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-02-28")), 422, "takenOn");
        assertThat(events()).isEqualTo(before);
        assertThat(admin.post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-03-01")).status()).isEqualTo(201);
    }

    @Test
    void aCaseTakenOnOrAfterTheExitIs422ButBeforeItIsRecorded() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        commandGateway.sendAndWait(new DelistCommand(entry, ExitReason.REVOKED, "(2025)川08执复" + suffix, "决定撤销",
                LocalDate.of(2025, 6, 1), null));
        long before = events();
        Api.Response onExit = admin.post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-06-01"));
        assertProblem(onExit, 422, "takenOn");
        assertThat(onExit.json().path("errors").get(0).path("message").asText()).contains("2025-06-01");
        assertProblem(admin.post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-07-01")), 422, "takenOn");
        assertThat(events()).isEqualTo(before);
        assertThat(admin.post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-05-31")).status()).isEqualTo(201);
    }

    @Test
    void aCaseTakenAfterTheEntryPeriodEndedIs422() {
        EntryId entry = enter(blackList, LocalDate.of(2020, 1, 10), LocalDate.of(2023, 1, 9));
        // Its period ended long ago, so its expiry deadline fires at once: let that system write land before counting.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from domain_event_entry where aggregate_identifier = ?").param(entry.toString()).query(Long.class).single() == 2);
        long before = events();
        assertProblem(admin.post("/api/v1/joint-actions", body(entry, procurement, unit, "2023-01-10")), 422, "takenOn");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unknownEntryMeasureOrUnitIs422AndWritesNothing() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        long before = events();
        assertProblem(admin.post("/api/v1/joint-actions", body(EntryId.random(), procurement, unit, "2025-05-12")), 422, "entryId");
        assertProblem(admin.post("/api/v1/joint-actions", body(entry, "NO_SUCH_MEASURE_" + suffix, unit, "2025-05-12")), 422, "measureCode");
        assertProblem(admin.post("/api/v1/joint-actions", body(entry, procurement, "gy-nowhere-" + suffix.toLowerCase(), "2025-05-12")), 422, "unitId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aClerkCannotRecordForAnotherUnit() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        long before = events();
        Api.Response refused = api().as(keys().clerk(otherUnit)).post("/api/v1/joint-actions", body(entry, procurement, unit, "2025-05-12"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void badInputIs400AndWritesNothing() {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        Map<String, Object> good = body(entry, procurement, unit, "2025-05-12");
        long before = events();
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "matter", "  ")), 400, "matter");
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "result", "")), 400, "result");
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "result", null)), 400, "result");
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "takenOn", LocalDate.now().plusDays(2).toString())), 400, "takenOn");
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "takenOn", null)), 400, "takenOn");
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "entryId", "not-a-uuid")), 400, "entryId");
        assertProblem(admin.post("/api/v1/joint-actions", with(good, "measureCode", "restrict-procurement")), 400, "measureCode");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void statsCountCasesByUnitMeasureAndDomainInTheYearTheyWereTaken() {
        EntryId black = enter(blackList, LocalDate.of(2024, 6, 1), LocalDate.of(2027, 5, 31));
        EntryId red = enter(redList, LocalDate.of(2024, 6, 1), LocalDate.of(2027, 5, 31));
        Api clerk = api().as(keys().clerk(unit));
        Api otherClerk = api().as(keys().clerk(otherUnit));
        assertThat(clerk.post("/api/v1/joint-actions", body(black, procurement, unit, "2025-02-03")).status()).isEqualTo(201);
        assertThat(clerk.post("/api/v1/joint-actions", body(black, procurement, unit, "2025-09-30")).status()).isEqualTo(201);
        assertThat(clerk.post("/api/v1/joint-actions", body(red, honours, unit, "2025-04-01")).status()).isEqualTo(201);
        assertThat(otherClerk.post("/api/v1/joint-actions", body(red, honours, otherUnit, "2025-12-31")).status()).isEqualTo(201);
        assertThat(clerk.post("/api/v1/joint-actions", body(black, procurement, unit, "2024-12-31")).status()).as("another year").isEqualTo(201);

        JsonNode all = api().as(keys().inspector()).get("/api/v1/joint-actions/stats?year=2025").json();
        assertThat(all.path("year").asInt()).isEqualTo(2025);
        JsonNode mine = find(all.path("byUnit"), "unitId", unit);
        assertThat(mine.path("punishments").asLong()).isEqualTo(2);
        assertThat(mine.path("incentives").asLong()).isEqualTo(1);
        JsonNode theirs = find(all.path("byUnit"), "unitId", otherUnit);
        assertThat(theirs.path("punishments").asLong()).isZero();
        assertThat(theirs.path("incentives").asLong()).isEqualTo(1);
        JsonNode byProcurement = find(all.path("byMeasure"), "measureCode", procurement);
        assertThat(byProcurement.path("count").asLong()).isEqualTo(2);
        assertThat(byProcurement.path("kind").asText()).isEqualTo("PUNISHMENT");
        assertThat(byProcurement.path("domain").asText()).isEqualTo("GOVERNMENT_PROCUREMENT");
        assertThat(find(all.path("byMeasure"), "measureCode", honours).path("count").asLong()).isEqualTo(2);

        JsonNode own = clerk.get("/api/v1/joint-actions/stats?year=2025&unitId=" + unit).json();
        assertThat(own.path("total").asLong()).isEqualTo(3);
        assertThat(own.path("byUnit")).hasSize(1);
        assertThat(find(own.path("byDomain"), "domain", "GOVERNMENT_PROCUREMENT").path("punishments").asLong()).isEqualTo(2);
        assertThat(find(own.path("byDomain"), "domain", "HONOURS").path("incentives").asLong()).isEqualTo(1);
        assertThat(find(own.path("byDomain"), "domain", "HONOURS").path("punishments").asLong()).isZero();
        assertThat(clerk.get("/api/v1/joint-actions/stats?year=2024&unitId=" + unit).json().path("total").asLong()).isEqualTo(1);

        assertThat(clerk.get("/api/v1/joint-actions/stats?year=2025").status()).as("clerk without unitId").isEqualTo(403);
        assertThat(clerk.get("/api/v1/joint-actions/stats?year=2025&unitId=" + otherUnit).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/joint-actions/stats?year=1999").status()).isEqualTo(400);
    }

    @Test
    void theMigrationRebuildsTheLookupsOfEntriesAndMeasuresStoredBeforeIt() throws IOException {
        EntryId entry = enter(blackList, LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9));
        commandGateway.sendAndWait(new DelistCommand(entry, ExitReason.OTHER, null, "认定部门决定移出", LocalDate.of(2025, 6, 1), null));
        // a second BLACK list: a PUNISHMENT naming a RED list is refused since issue 12
        String otherBlackList = "MAJOR_TAX_VIOLATION_" + suffix;
        assertThat(admin.put("/api/v1/lists/" + otherBlackList, list("重大税收违法失信主体", "BLACK")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/" + procurement, Map.of("name", "限制参加政府采购活动", "kind", "PUNISHMENT",
                "domain", "GOVERNMENT_PROCUREMENT", "scope", "NATIONAL_BASE", "legalBasis", "发改财金〔2016〕141号",
                "listCodes", List.of(blackList, otherBlackList))).json().path("version").asInt()).isEqualTo(2);
        String entrySql = "select entry_id, list_code, subject_code, effective_from, effective_until, exited_on from joint_action_entry where entry_id = ?";
        String measureSql = "select measure_code, kind, domain, version, array_to_string(list_codes, ',') as list_codes from joint_action_measure where measure_code = ?";
        Map<String, Object> liveEntry = jdbc.sql(entrySql).param(entry.value()).query().singleRow();
        Map<String, Object> liveMeasure = jdbc.sql(measureSql).param(procurement).query().singleRow();
        assertThat(liveEntry.get("exited_on")).hasToString("2025-06-01");
        assertThat(liveMeasure.get("version")).isEqualTo(2);

        jdbc.sql("delete from joint_action_entry where entry_id = ?").param(entry.value()).update();
        jdbc.sql("delete from joint_action_measure where measure_code = ?").param(procurement).update();
        String migration = new ClassPathResource("db/migration/V2_6__joint_action_lookups.sql").getContentAsString(StandardCharsets.UTF_8);
        for (String statement : migration.substring(migration.indexOf("-- Backfill")).split(";")) {
            if (!statement.strip().isEmpty()) {
                jdbc.sql(statement).update();
            }
        }

        assertThat(jdbc.sql(entrySql).param(entry.value()).query().singleRow()).isEqualTo(liveEntry);
        assertThat(jdbc.sql(measureSql).param(procurement).query().singleRow()).isEqualTo(liveMeasure);
    }

    @Test
    void aClerkListsItsUnitsCasesLatestFirstOnePageAtATimeWithTheTotal() {
        EntryId entry = enter(blackList, LocalDate.of(2024, 1, 10), LocalDate.of(2028, 1, 9));
        Api clerk = api().as(keys().clerk(unit));
        List<String> ids = new java.util.ArrayList<>();
        for (String takenOn : List.of("2024-11-20", "2025-05-12", "2025-02-03")) {
            Api.Response created = clerk.post("/api/v1/joint-actions", body(entry, procurement, unit, takenOn));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().path("jointActionId").asText());
        }
        Api.Response other = admin.post("/api/v1/joint-actions", body(entry, procurement, otherUnit, "2025-03-01"));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);

        JsonNode own = clerk.get("/api/v1/joint-actions").json();
        assertThat(own.path("totalItems").asLong()).isEqualTo(3);
        assertThat(own.path("page").asInt()).isZero();
        assertThat(own.path("size").asInt()).isEqualTo(50);
        assertThat(own.path("items").findValuesAsText("takenOn")).containsExactly("2025-05-12", "2025-02-03", "2024-11-20");
        assertThat(own.path("items").findValuesAsText("jointActionId")).containsExactly(ids.get(1), ids.get(2), ids.get(0));
        assertThat(own.path("items").get(0).path("measureCode").asText()).isEqualTo(procurement);

        JsonNode of2025 = clerk.get("/api/v1/joint-actions?unitId=" + unit + "&year=2025").json();
        assertThat(of2025.path("totalItems").asLong()).isEqualTo(2);
        assertThat(of2025.path("items").findValuesAsText("takenOn")).containsExactly("2025-05-12", "2025-02-03");
        JsonNode second = clerk.get("/api/v1/joint-actions?size=2&page=1").json();
        assertThat(second.path("items").findValuesAsText("jointActionId")).containsExactly(ids.get(0));
        assertThat(second.path("totalItems").asLong()).isEqualTo(3);
        JsonNode beyond = clerk.get("/api/v1/joint-actions?size=2&page=9").json();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("totalItems").asLong()).isEqualTo(3);

        JsonNode seenByInspector = api().as(keys().inspector()).get("/api/v1/joint-actions?unitId=" + otherUnit).json();
        assertThat(seenByInspector.path("items").findValuesAsText("jointActionId")).containsExactly(other.json().path("jointActionId").asText());
        Api.Response refused = clerk.get("/api/v1/joint-actions?unitId=" + otherUnit);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertProblem(clerk.get("/api/v1/joint-actions?size=501"), 400, "size");
        assertProblem(clerk.get("/api/v1/joint-actions?page=-1"), 400, "page");
        assertProblem(clerk.get("/api/v1/joint-actions?year=1999"), 400, "year");
    }

    @Test
    void aClerkFindsTheEntryInForceOfAPersonMaskedAndRecordsACaseOnIt() {
        String id = org.creditledger.subject.SubjectCodes.residentIdFor(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(org.creditledger.subject.SubjectCodes.RESIDENT_ID_FOR_LIMIT));
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        SubjectRef person = new SubjectRef(SubjectKind.NATURAL_PERSON, id, "张某某");
        EntryId inForce = EntryId.random();
        commandGateway.sendAndWait(new EnterListCommand(inForce, blackList, AUTHORITY, person, "(2025)川08执" + suffix,
                LocalDate.of(2025, 1, 7), "拒不履行生效法律文书确定的义务", LocalDate.of(2025, 1, 10), LocalDate.of(2028, 1, 9),
                null, List.of(), true, 0, null, ListColour.BLACK, false));
        EntryId exited = EntryId.random();
        commandGateway.sendAndWait(new EnterListCommand(exited, redList, AUTHORITY, person, "(2024)川08执" + suffix,
                LocalDate.of(2024, 1, 7), "纳税信用评价", LocalDate.of(2024, 1, 10), LocalDate.of(2027, 1, 9),
                null, List.of(), true, 0, null, ListColour.RED, false));
        commandGateway.sendAndWait(new DelistCommand(exited, ExitReason.OTHER, null, "认定部门决定移出", LocalDate.of(2025, 6, 1), null));
        Api clerk = api().as(keys().clerk(unit));

        Api.Response found = clerk.get("/api/v1/list-entries?subjectCode=" + id);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = found.json().path("items").get(0);
        assertThat(entry.path("entryId").asText()).isEqualTo(inForce.toString());
        assertThat(entry.path("listCode").asText()).isEqualTo(blackList);
        assertThat(entry.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(entry.path("subject").path("code").asText()).isEqualTo(masked);
        assertThat(entry.path("effectiveFrom").asText()).isEqualTo("2025-01-10");
        assertThat(entry.has("decisionNo")).as("only what a joint action needs").isFalse();
        assertThat(entry.has("reason")).isFalse();
        assertThat(entry.has("history")).isFalse();
        assertThat(found.text()).doesNotContain(id);
        assertThat(clerk.get("/api/v1/list-entries?subjectCode=" + id + "&status=ACTIVE").json().path("totalItems").asLong()).isEqualTo(1);

        Api.Response recorded = clerk.post("/api/v1/joint-actions", body(new EntryId(UUID.fromString(entry.path("entryId").asText())),
                procurement, unit, "2025-05-12"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

        long before = events();
        Api.Response noSubject = clerk.get("/api/v1/list-entries?listCode=" + blackList);
        assertThat(noSubject.status()).as(noSubject.toString()).isEqualTo(403);
        assertThat(noSubject.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:forbidden");
        assertThat(clerk.get("/api/v1/list-entries?subjectCode=" + id + "&status=EXITED").status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/list-entries/" + inForce).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError(value + " not in " + array));
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).as(r.toString()).contains(field);
    }
}
