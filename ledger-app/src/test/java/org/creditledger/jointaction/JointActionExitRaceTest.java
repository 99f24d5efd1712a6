package org.creditledger.jointaction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.creditledger.LedgerHttpTest;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case and the exit of its entry recorded at the same moment, over HTTP, many times: a case is accepted only if it
 * was stored before the exit. Which one came first is read from the entry's lookup row: a test trigger logs each
 * change of the row in lock order, so the exit's log line holds the number of cases stored before it.
 */
class JointActionExitRaceTest extends LedgerHttpTest {

    static final int PAIRS = 120;
    static final String AUTHORITY = JointActionApiTest.AUTHORITY;

    @Autowired
    CommandGateway commandGateway;

    String suffix;
    String unit;
    String blackList;
    String procurement;

    @BeforeEach
    void setUp() {
        Api admin = api().as(keys().admin());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        unit = "gy-finance-" + suffix.toLowerCase();
        blackList = "DISHONEST_DEBTOR_" + suffix;
        procurement = "RESTRICT_PROCUREMENT_" + suffix;
        assertThat(admin.put("/api/v1/units/" + unit, Map.of("name", "广元市财政局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isIn(200, 201);
        assertThat(admin.put("/api/v1/lists/" + blackList, JointActionApiTest.list("失信被执行人名单", "BLACK")).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/measures/" + procurement, JointActionApiTest.measure("限制参加政府采购活动", "PUNISHMENT",
                "GOVERNMENT_PROCUREMENT", blackList)).status()).isEqualTo(201);
        jdbc.sql("""
                create table if not exists test_joint_action_entry_log (
                    seq bigserial primary key, entry_id uuid not null, exited_on date, cases_recorded integer not null)""").update();
        jdbc.sql("""
                create or replace function test_log_joint_action_entry() returns trigger language plpgsql as $$
                begin
                    insert into test_joint_action_entry_log (entry_id, exited_on, cases_recorded)
                    values (new.entry_id, new.exited_on, new.cases_recorded);
                    return new;
                end $$""").update();
        jdbc.sql("drop trigger if exists test_joint_action_entry_log on joint_action_entry").update();
        jdbc.sql("""
                create trigger test_joint_action_entry_log after update on joint_action_entry
                for each row execute function test_log_joint_action_entry()""").update();
    }

    @AfterEach
    void dropTrigger() {
        jdbc.sql("drop trigger if exists test_joint_action_entry_log on joint_action_entry").update();
    }

    record Pair(EntryId entry, Api.Response exit, Api.Response jointAction) {
    }

    @Test
    void aCaseRecordedAtTheMomentOfTheExitIsAcceptedOnlyIfStoredBeforeTheExit() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<EntryId> entries = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            EntryId entryId = EntryId.random();
            SubjectRef company = new SubjectRef(SubjectKind.LEGAL_PERSON, uscc(i), "广元市某某建材有限公司" + i);
            commandGateway.sendAndWait(new EnterListCommand(entryId, blackList, AUTHORITY, company,
                    "(2025)川08执" + suffix + "-" + i, today.minusYears(1).minusDays(3), "拒不履行生效法律文书确定的义务",
                    today.minusYears(1), today.plusYears(2), NamedPerson.named("张三"), List.of(), true, 0, null, ListColour.BLACK, false));
            entries.add(entryId);
        }
        Api admin = api().as(keys().admin());
        Api clerk = api().as(keys().clerk(unit));
        List<Pair> pairs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Pair>> running = new ArrayList<>();
            for (EntryId entry : entries) {
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Api.Response> exit = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return admin.post("/api/v1/list-entries/" + entry + "/exit", Map.of("reason", "OTHER", "note", "认定部门决定移出"));
                }, pool);
                CompletableFuture<Api.Response> jointAction = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return clerk.post("/api/v1/joint-actions", body(entry, today));
                }, pool);
                running.add(exit.thenCombine(jointAction, (x, j) -> new Pair(entry, x, j)));
            }
            for (CompletableFuture<Pair> pair : running) {
                pairs.add(pair.get());
            }
        } finally {
            pool.shutdown();
        }

        int bothAccepted = 0;
        List<String> acceptedAfterTheExit = new ArrayList<>();
        for (Pair pair : pairs) {
            assertThat(pair.exit().status()).as(pair.exit().toString()).isEqualTo(200);
            assertThat(pair.exit().json().path("exitedOn").asText()).isEqualTo(today.toString());
            int status = pair.jointAction().status();
            assertThat(status).as(pair.jointAction().toString()).isIn(201, 422);
            if (status == 422) {
                assertThat(pair.jointAction().json().path("errors").get(0).path("field").asText()).isEqualTo("takenOn");
                continue;
            }
            bothAccepted++;
            String id = pair.jointAction().json().path("jointActionId").asText();
            assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(id)
                    .query(Long.class).single()).as("case " + id + " is stored").isEqualTo(1);
            Integer casesBeforeExit = jdbc.sql("""
                            select cases_recorded from test_joint_action_entry_log
                            where entry_id = ? and exited_on is not null order by seq limit 1""")
                    .param(pair.entry().value()).query(Integer.class).single();
            if (casesBeforeExit < 1) {
                acceptedAfterTheExit.add(id);
            }
        }
        System.out.printf("joint action vs exit race: %d pairs, %d cases accepted, %d of them although the exit was stored first%n",
                PAIRS, bothAccepted, acceptedAfterTheExit.size());
        assertThat(acceptedAfterTheExit).as("cases accepted although the entry's exit was stored first").isEmpty();
    }

    private Map<String, Object> body(EntryId entryId, LocalDate takenOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("entryId", entryId.toString());
        body.put("measureCode", procurement);
        body.put("unitId", unit);
        body.put("matter", "市级政府采购项目投标资格审查");
        body.put("takenOn", takenOn.toString());
        body.put("result", "取消其投标资格，已反馈认定部门");
        return body;
    }

    /** A valid unified social credit code (GB 32100, with the GB 11714 organisation check) per pair. */
    private static String uscc(int n) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String org = "%08d".formatted(10_000_000 + n);
        int[] orgWeights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (org.charAt(i) - '0') * orgWeights[i];
        }
        int orgCheck = 11 - sum % 11;
        String first17 = "91510800" + org + (orgCheck == 10 ? "X" : orgCheck == 11 ? "0" : String.valueOf(orgCheck));
        sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + chars.charAt((31 - sum % 31) % 31);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
