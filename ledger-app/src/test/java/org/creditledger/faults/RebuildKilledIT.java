package org.creditledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.readmodel.ProjectionTables;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 3: {@code kill -9} during a projection rebuild (the node replays 20 events per transaction,
 * {@code ledger.rebuild.batch-size=20}, so the kill lands while the copies fill). The switch is one transaction that
 * never began, so after the restart the live tables hold what they held; the restarted node marks the rebuild FAILED
 * and drops its copies ({@code rebuild_commitments}) as it starts, and a new rebuild succeeds and changes nothing.
 */
class RebuildKilledIT extends FaultFixture {

    static final String PROJECTION = "commitments";

    @Test
    void aRebuildKilledMidwayLeavesTheLiveTablesIntactIsFailedCleanedUpAndCanBeRunAgain() {
        LedgerProcess first = node("first", Map.of("SPRING_APPLICATION_JSON", "{\"ledger.rebuild.batch-size\": 20}"));
        Api admin = first.admin();
        createUnit(admin);
        JsonNode imported = awaitImportDone(admin, upload(admin, 2_000, 500_000), Duration.ofSeconds(120));
        assertThat(imported.path("accepted").asInt()).as(imported.toString()).isEqualTo(2_000);
        awaitProjectionsCaughtUp(admin, Duration.ofSeconds(60));
        List<String> tables = projections(admin).get(PROJECTION);
        Map<String, List<String>> live = ProjectionTables.rows(jdbc, tables);

        Api.Response accepted = admin.post("/api/v1/admin/projections/" + PROJECTION + "/rebuild", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String rebuildId = accepted.json().path("rebuildId").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> admin.get("/api/v1/admin/projections/" + PROJECTION + "/rebuild").json().path("processedEvents").asLong() > 0);
        first.kill9();
        assertThat(state(rebuildId)).as("killed while running").isEqualTo("RUNNING");
        assertThat(shadowSchemas()).as("its copies were filling").isEqualTo(1);

        LedgerProcess second = node("second");
        Api again = second.admin();
        assertThat(shadowSchemas()).as("the copies are dropped at the start").isZero();
        assertThat(state(rebuildId)).as("the abandoned rebuild is failed at the start").isEqualTo("FAILED");
        JsonNode latest = again.get("/api/v1/admin/projections/" + PROJECTION + "/rebuild").json();
        assertThat(latest.path("rebuildId").asText()).isEqualTo(rebuildId);
        assertThat(latest.path("state").asText()).isEqualTo("FAILED");
        assertThat(latest.path("error").asText()).startsWith("abandoned");
        assertThat(ProjectionTables.rows(jdbc, tables)).as("the live tables are intact").isEqualTo(live);
        assertThat(events("CommitmentPostedEvent")).as("every acknowledged letter").isEqualTo(2_000);
        assertUnitStored();
        // reads answer 503 until the processor's claim of the killed node times out; then from the intact tables
        JsonNode listed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> again.get("/api/v1/commitments?unitId=" + UNIT), answer -> answer.status() == 200).json();
        assertThat(listed.path("totalItems").asInt()).isEqualTo(2_000);

        JsonNode rebuilt = rebuild(again, PROJECTION);
        assertThat(rebuilt.path("state").asText()).as(rebuilt.toString()).isEqualTo("DONE");
        assertThat(ProjectionTables.rows(jdbc, tables)).as("a new rebuild from the events").isEqualTo(live);
        assertThat(shadowSchemas()).isZero();
    }

    String state(String rebuildId) {
        return jdbc.sql("select state from projection_rebuild where rebuild_id = cast(? as uuid)").param(rebuildId)
                .query(String.class).single();
    }

    long shadowSchemas() {
        return jdbc.sql("select count(*) from pg_namespace where nspname like 'rebuild\\_%'").query(Long.class).single();
    }
}
