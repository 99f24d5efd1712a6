package org.creditledger.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.LedgerHttpTest;
import org.creditledger.readmodel.rebuild.ProjectionRebuilds;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projection rebuilds over HTTP: every rebuildable projection, rebuilt from the event store, holds exactly what its
 * live tables held (rows and table structure); reads keep answering while a projection is rebuilt and events written
 * meanwhile are not lost; a rebuild that cannot switch fails and leaves everything as it was.
 *
 * <p>All HTTP tests share this database and its projections, so every test here ends with each projection switched
 * (or left) in place and its processor running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionRebuildApiTest extends LedgerHttpTest {

    static final String AUTHORITY = "国家市场监督管理总局";
    /** Tables of query-side migrations that belong to no projection. */
    // event_chain is ledger evidence kept by the chainer (docs/audit-chain.md), never rebuilt from the events it protects
    static final Set<String> NOT_PROJECTION_TABLES = Set.of("projection_rebuild", "event_chain");

    @Autowired
    ProjectionRebuilds rebuilds;
    @Autowired
    List<RebuildableProjection> rebuildable;
    @Autowired
    DataSource dataSource;

    Api admin;
    Api authority;
    String suffix;
    String listCode;
    List<String> entryIds = new ArrayList<>();

    /** Some of everything each projection keeps, written through the API, including the events deadlines add. */
    @BeforeAll
    void someOfEverything() {
        admin = api().as(keys().admin());
        authority = api().as(keys().listAuthority(AUTHORITY));
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String unit = "gy-rebuild-" + suffix;
        ok(admin.put("/api/v1/units/" + unit, Map.of("name", "广元市重建测试局", "kind", "MUNICIPAL_DEPARTMENT")));
        ok(admin.put("/api/v1/units/" + unit, Map.of("name", "广元市重建测试局（更名）", "kind", "MUNICIPAL_DEPARTMENT")));
        ok(admin.put("/api/v1/units/" + unit + "/targets/2025", Map.of("annualTarget", 40, "counting", "EACH", "quarterlyRule", true)));

        Api clerk = api().as(keys().clerk(unit));
        String fulfilled = commitment(clerk, unit, null);
        String breached = commitment(clerk, unit, null);
        String overdue = commitment(clerk, unit, "2025-03-31");
        commitment(clerk, unit, null);
        ok(clerk.post("/api/v1/commitments/" + fulfilled + "/outcome", Map.of("outcome", "FULFILLED", "occurredOn", "2025-04-01")));
        ok(clerk.post("/api/v1/commitments/" + breached + "/outcome", Map.of("outcome", "BREACHED", "occurredOn", "2025-04-02", "note", "未按期补齐材料")));
        await().atMost(Duration.ofSeconds(15)).until(() -> "OVERDUE".equals(clerk.get("/api/v1/commitments/" + overdue).json().path("status").asText()));

        listCode = "REBUILD_" + suffix.toUpperCase();
        ok(admin.put("/api/v1/lists/" + listCode, list("市场监督管理严重违法失信名单")));
        ok(admin.put("/api/v1/lists/" + listCode, list("市场监督管理严重违法失信名单（修订）")));
        String measure = "REBUILD_RESTRICT_" + suffix.toUpperCase();
        ok(admin.put("/api/v1/measures/" + measure, Map.of("name", "限制参加评优评先", "kind", "PUNISHMENT", "domain", "HONOURS",
                "scope", "NATIONAL_BASE", "legalBasis", "国发〔2016〕33号", "listCodes", List.of(listCode))));

        String objected = enter(listCode);
        String repaired = enter(listCode);
        String exited = enter(listCode);
        enter(listCode);
        String objectionId = authority.post("/api/v1/list-entries/" + objected + "/objections",
                Map.of("grounds", "处罚决定已被复议撤销", "filedOn", "2025-09-26")).json().path("objectionId").asText();
        // its 15 working days ended on 2025-10-23: the deadline marks it overdue by itself
        await().atMost(Duration.ofSeconds(15)).until(() ->
                authority.get("/api/v1/list-entries/" + objected).json().path("objectionOverdue").asBoolean());
        ok(authority.post("/api/v1/list-entries/" + objected + "/objections/" + objectionId + "/decision",
                Map.of("upheld", false, "reason", "异议不成立")));
        String repairId = authority.post("/api/v1/list-entries/" + repaired + "/repairs",
                Map.of("methods", List.of("COMMITMENT", "RECTIFICATION"), "evidence", "信用承诺书、整改报告")).json().path("repairId").asText();
        ok(authority.post("/api/v1/list-entries/" + repaired + "/repairs/" + repairId + "/decision",
                Map.of("approved", true, "reason", "整改到位，准予修复")));
        ok(authority.post("/api/v1/list-entries/" + exited + "/exit", Map.of("reason", "REVOKED", "documentNo", "广市监撤〔2025〕3号")));
        ok(clerk.post("/api/v1/joint-actions", Map.of("entryId", entryIds.get(3), "measureCode", measure, "unitId", unit,
                "matter", "市级文明单位评选", "takenOn", "2025-03-01", "result", "取消其参评资格")));
        // 双公示: one decision published, one left unpublished past its limit (its deadline flags it by itself)
        for (int n = 1; n <= 2; n++) {
            Api.Response decided = clerk.post("/api/v1/public-decisions", Map.of("unitId", unit, "kind", "PENALTY",
                    "decisionNo", "广市监罚〔2025〕" + n + "号", "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D",
                            "name", "广元市某某建材有限公司"), "decidedOn", "2025-09-30", "content", "警告，罚款人民币五千元"));
            ok(decided);
            if (n == 1) {
                ok(clerk.post("/api/v1/public-decisions/" + decided.json().path("decisionId").asText() + "/publication",
                        Map.of("publishedOn", "2025-10-13", "channel", "CREDIT_CHINA")));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProjectionRebuildsToTablesEqualToTheLiveOnes() {
        return rebuildable.stream().map(p -> DynamicTest.dynamicTest(p.processingGroup(), () -> rebuildEqualsLive(p)));
    }

    /**
     * Dumps the live tables (structure and every row), rebuilds, dumps again. Other tests' deadlines may still append
     * events meanwhile, which rightly change the tables: then it tries again.
     */
    void rebuildEqualsLive(RebuildableProjection projection) {
        String name = projection.processingGroup();
        for (int attempt = 1; ; attempt++) {
            long head = head();
            awaitCaughtUp(name, head);
            Map<String, List<String>> rowsBefore = rows(projection);
            Map<String, List<String>> structureBefore = structure(projection);
            Map<String, Long> oidsBefore = oids(projection);

            JsonNode done = rebuildAndAwait(name);
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.path("processedEvents").asLong()).isGreaterThanOrEqualTo(done.path("totalEvents").asLong());
            assertThat(done.path("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
            assertThat(done.path("finishedAt").asText()).isNotBlank();
            awaitCaughtUp(name, head());

            assertThat(oids(projection)).as("new tables were switched in").doesNotContainEntry(
                    projection.tables().get(0), oidsBefore.get(projection.tables().get(0)));
            assertThat(structure(projection)).isEqualTo(structureBefore);
            if (head() == head || attempt == 3) {
                assertThat(rows(projection)).isEqualTo(rowsBefore);
                assertThat(rowsBefore.values().stream().mapToInt(List::size).sum()).as("rows of " + name).isPositive();
                return;
            }
        }
    }

    @Test
    void readsKeepAnsweringWhileListEntriesAreRebuiltAndEntriesWrittenMeanwhileAreKept() throws Exception {
        String otherList = "REBUILD_OTHER_" + suffix.toUpperCase();
        ok(admin.put("/api/v1/lists/" + otherList, list("市场监督管理严重违法失信名单（并发写入）")));
        awaitNoRebuildRunning("list-entries");
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int reads = 0;
            while (rebuilding.get() || reads < 20) {
                Api.Response found = admin.get("/api/v1/list-entries?listCode=" + listCode);
                reads++;
                if (found.status() != 200 || !found.json().path("items").findValuesAsText("entryId").containsAll(entryIds)
                        || found.json().path("items").size() != entryIds.size() || found.json().path("totalItems").asInt() != entryIds.size()) {
                    failures.add(found.toString());
                }
            }
            return reads;
        });
        List<String> writtenMeanwhile = new ArrayList<>();

        Api.Response accepted = admin.post("/api/v1/admin/projections/list-entries/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        while (running("list-entries")) {
            writtenMeanwhile.add(enter(otherList));
        }
        JsonNode done = admin.get("/api/v1/admin/projections/list-entries/rebuild").json();
        rebuilding.set(false);

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(reader.get()).isGreaterThanOrEqualTo(20);
        assertThat(failures).isEmpty();
        writtenMeanwhile.add(enter(otherList));
        assertThat(allEntryIds(otherList))
                .containsExactlyInAnyOrderElementsOf(writtenMeanwhile);
    }

    @Test
    void counterChecksKeepAnsweringWhileTheCheckProjectionIsRebuilt() throws Exception {
        String listed = admin.get("/api/v1/list-entries/" + entryIds.get(3)).json().path("subject").path("code").asText();
        Api counter = api().as(keys().counter());
        awaitNoRebuildRunning("checks");
        Api.Response accepted = admin.post("/api/v1/admin/projections/checks/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        List<String> failures = new ArrayList<>();
        int checks = 0;
        while (running("checks") || checks < 20) {
            Api.Response answer = counter.post("/api/v1/checks", Map.of("subjectCode", listed, "domain", "HONOURS"));
            checks++;
            if (answer.status() != 201 || !"RESTRICT".equals(answer.json().path("verdict").asText())
                    || !answer.json().path("entries").findValuesAsText("entryId").contains(entryIds.get(3))) {
                failures.add(answer.toString());
            }
        }
        JsonNode done = admin.get("/api/v1/admin/projections/checks/rebuild").json();
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(failures).as("checks answered during the rebuild of checks").isEmpty();
    }

    @Test
    void aRebuildThatCannotSwitchFailsAndLeavesTheLiveTablesAndTheProcessorAsTheyWere() {
        awaitNoRebuildRunning("joint-actions");
        long liveTable = oid("joint_action_view");
        jdbc.sql("create view rebuild_test_cases as select joint_action_id from joint_action_view").update();
        try {
            JsonNode failed = rebuildAndAwait("joint-actions");
            assertThat(failed.path("state").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.path("error").asText()).contains("rebuild_test_cases");
        } finally {
            jdbc.sql("drop view rebuild_test_cases").update();
        }
        assertThat(oid("joint_action_view")).isEqualTo(liveTable);
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname like 'rebuild_%'").query(Long.class).single()).isZero();
        awaitCaughtUp("joint-actions", head());

        assertThat(rebuildAndAwait("joint-actions").path("state").asText()).isEqualTo("DONE");
        assertThat(oid("joint_action_view")).isNotEqualTo(liveTable);
    }

    @Test
    void aRebuildRunningElsewhereIs409AndAnAbandonedOneIsMarkedFailed() throws Exception {
        awaitNoRebuildRunning("quota");
        // The lock ProjectionRebuilds takes, held here as another node's rebuild would hold it.
        try (Connection otherNode = dataSource.getConnection();
             PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_lock(1380076612, hashtext('quota'))")) {
            lock.execute();
            Api.Response refused = admin.post("/api/v1/admin/projections/quota/rebuild", null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("type").asText()).isEqualTo("urn:credit-ledger:problem:conflict");
            try (PreparedStatement unlock = otherNode.prepareStatement("select pg_advisory_unlock(1380076612, hashtext('quota'))")) {
                unlock.execute();
            }
        }
        // A node that died while rebuilding left its rebuild RUNNING, and released the lock with its connections.
        UUID abandoned = UUID.randomUUID();
        jdbc.sql("""
                        insert into projection_rebuild (rebuild_id, name, state, total_events, requested_by, started_at)
                        values (?, 'quota', 'RUNNING', 10, 'a node that died', now())""")
                .param(abandoned).update();

        JsonNode shown = admin.get("/api/v1/admin/projections/quota/rebuild").json();
        assertThat(shown.path("rebuildId").asText()).isEqualTo(abandoned.toString());
        assertThat(shown.path("state").asText()).isEqualTo("FAILED");
        assertThat(shown.path("error").asText()).startsWith("abandoned");
        assertThat(rebuildAndAwait("quota").path("state").asText()).isEqualTo("DONE");
    }

    @Test
    void unknownProjectionsAre404() {
        Api.Response unknown = admin.post("/api/v1/admin/projections/no-such-projection/rebuild", null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText()).contains("list-entries");
        assertThat(admin.get("/api/v1/admin/projections/no-such-projection/rebuild").status()).isEqualTo(404);
    }

    @Test
    void theProjectionsListNamesEveryRebuildableProjectionWithItsTablesAndPosition() {
        long head = head();
        for (RebuildableProjection projection : rebuildable) {
            awaitCaughtUp(projection.processingGroup(), head);
        }
        JsonNode listed = admin.get("/api/v1/admin/projections").json();
        assertThat(listed.findValuesAsText("name")).containsExactlyInAnyOrder(
                rebuildable.stream().map(RebuildableProjection::processingGroup).toArray(String[]::new));
        JsonNode quota = find(listed, "quota");
        assertThat(quota.path("tables").get(0).asText()).isEqualTo("quota_day");
        assertThat(quota.path("position").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(quota.path("processorRunning").asBoolean()).isTrue();
    }

    /** A read table nobody declares would not be rebuilt, and a projection writing it would write the live one. */
    @Test
    void everyTableOfTheQuerySideMigrationsBelongsToExactlyOneRebuildableProjection() throws IOException {
        Set<String> created = new TreeSet<>();
        Pattern createTable = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V3_*.sql")) {
            Matcher matcher = createTable.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                created.add(matcher.group(1).toLowerCase());
            }
        }
        created.removeAll(NOT_PROJECTION_TABLES);
        List<String> declared = rebuildable.stream().flatMap(p -> p.tables().stream()).toList();
        assertThat(declared).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(declared)).isEqualTo(created);
    }

    // ---- helpers

    JsonNode rebuildAndAwait(String name) {
        awaitNoRebuildRunning(name);
        Api.Response accepted = admin.post("/api/v1/admin/projections/" + name + "/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.headers().getLocation()).hasToString("/api/v1/admin/projections/" + name + "/rebuild");
        String rebuildId = accepted.json().path("rebuildId").asText();
        assertThat(accepted.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(accepted.json().path("totalEvents").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !running(name));
        JsonNode done = admin.get("/api/v1/admin/projections/" + name + "/rebuild").json();
        assertThat(done.path("rebuildId").asText()).isEqualTo(rebuildId);
        assertThat(find(admin.get("/api/v1/admin/projections").json(), name).path("processorRunning").asBoolean())
                .as("the processor runs again").isTrue();
        return done;
    }

    /** A rebuild another test (the role matrix) started must end before this one starts its own. */
    void awaitNoRebuildRunning(String name) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !running(name));
    }

    boolean running(String name) {
        Api.Response latest = admin.get("/api/v1/admin/projections/" + name + "/rebuild");
        return latest.status() == 200 && "RUNNING".equals(latest.json().path("state").asText());
    }

    void awaitCaughtUp(String name, long head) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> find(admin.get("/api/v1/admin/projections").json(), name).path("position").asLong(-1) >= head);
    }

    long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /** Every row of each table, as text, in a fixed order. */
    Map<String, List<String>> rows(RebuildableProjection projection) {
        return ProjectionTables.rows(jdbc, projection.tables());
    }

    /** Columns with types, nullability and defaults; constraints; indexes, with their names. */
    Map<String, List<String>> structure(RebuildableProjection projection) {
        Map<String, List<String>> structure = new LinkedHashMap<>();
        for (String table : projection.tables()) {
            List<String> parts = new ArrayList<>(jdbc.sql("""
                            select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else '' end
                                || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                            from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                            where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped order by a.attnum""")
                    .param(table).query(String.class).list());
            parts.addAll(jdbc.sql("select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = cast(? as regclass) order by conname")
                    .param(table).query(String.class).list());
            parts.addAll(jdbc.sql("select indexdef from pg_indexes where schemaname = current_schema() and tablename = ? order by indexname")
                    .param(table).query(String.class).list());
            structure.put(table, parts);
        }
        return structure;
    }

    Map<String, Long> oids(RebuildableProjection projection) {
        Map<String, Long> oids = new HashMap<>();
        projection.tables().forEach(table -> oids.put(table, oid(table)));
        return oids;
    }

    long oid(String table) {
        return jdbc.sql("select cast(cast(? as regclass) as oid)").param(table).query(Long.class).single();
    }

    String commitment(Api clerk, String unit, String dueDate) {
        Map<String, Object> body = new HashMap<>(Map.of("unitId", unit, "type", "NOTIFICATION_IN_LIEU_OF_CERTIFICATE",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", freshUscc(), "name", "广元市某某建材有限公司"),
                "matter", "食品经营许可", "content", "承诺所提交材料真实有效", "signedOn", "2025-03-01"));
        if (dueDate != null) {
            body.put("dueDate", dueDate);
        }
        Api.Response posted = clerk.post("/api/v1/commitments", body);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    static Map<String, Object> list(String name) {
        return Map.of("name", name, "colour", "BLACK", "authority", AUTHORITY,
                "legalBasis", "《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)", "periodMonths", 36,
                "earlyRepairAllowed", true, "minMonthsBeforeRepair", 12);
    }

    String enter(String list) {
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", list);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", freshUscc(), "name", "广元市某某食品有限公司"));
        body.put("decisionNo", "广市监严失〔2024〕12号");
        body.put("decidedOn", "2024-06-03");
        body.put("reason", "因同一性质违法行为受到两次以上较重行政处罚");
        body.put("effectiveFrom", "2024-06-03");
        body.put("legalRepresentative", Map.of("name", "王某某"));
        body.put("responsiblePersons", List.of(Map.of("name", "王某某", "role", "主要负责人"), Map.of("name", "李某", "role", "直接责任人")));
        Api.Response entered = authority.post("/api/v1/list-entries", body);
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String entryId = entered.json().path("entryId").asText();
        if (list.equals(listCode)) {
            entryIds.add(entryId);
        }
        return entryId;
    }

    static String freshUscc() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    static JsonNode find(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (name.equals(node.path("name").asText())) {
                return node;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }

    /** Every entry of the list, read page by page. */
    private List<String> allEntryIds(String list) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = admin.get("/api/v1/list-entries?listCode=" + list + "&size=100&page=" + page).json();
            List<String> items = found.path("items").findValuesAsText("entryId");
            if (items.isEmpty()) {
                assertThat(found.path("totalItems").asLong()).isEqualTo(ids.size());
                return ids;
            }
            ids.addAll(items);
        }
    }
}
