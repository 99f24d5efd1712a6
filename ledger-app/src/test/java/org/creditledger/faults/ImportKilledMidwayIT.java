package org.creditledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 1: {@code kill -9} in the middle of a 20,000-row import. The import was acknowledged (202), so after a
 * restart the job resumes after its last committed chunk and finishes, and every row is imported exactly once: one
 * row result, one commitment and one {@code CommitmentPostedEvent} per row, and the unit's quota counts 20,000 letters.
 */
class ImportKilledMidwayIT extends FaultFixture {

    static final int ROWS = 20_000;

    @Test
    void anImportKilledMidwayResumesAfterARestartAndStoresEveryRowOnce() {
        LedgerProcess first = node("first");
        Api admin = first.admin();
        createUnit(admin);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        ok(admin.put("/api/v1/units/" + UNIT + "/targets/" + year, Map.of("annualTarget", 40, "counting", "EACH", "quarterlyRule", false)));
        String importId = upload(admin, ROWS, 100_000);

        // killed once some chunks are committed and well before the last
        long processedAtKill = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> processed(importId), processed -> processed >= 2_000);
        first.kill9();
        assertThat(processedAtKill).as("killed midway").isLessThan(ROWS);
        long committedAtKill = processed(importId);
        assertThat(committedAtKill).isLessThan(ROWS);

        LedgerProcess second = node("second");
        Api again = second.admin();
        JsonNode done = awaitImportDone(again, importId, Duration.ofSeconds(180));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("total").asInt()).isEqualTo(ROWS);
        assertThat(done.path("accepted").asInt()).isEqualTo(ROWS);
        assertThat(done.path("rejected").asInt()).isZero();

        UUID id = UUID.fromString(importId);
        assertThat(jdbc.sql("select count(*) from commitment_import_row where import_id = ? and status = 'ACCEPTED'").param(id)
                .query(Long.class).single()).as("row results").isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(distinct row_no) from commitment_import_row where import_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(distinct commitment_id) from commitment_import_row where import_id = ?").param(id)
                .query(Long.class).single()).as("one commitment per row").isEqualTo(ROWS);
        assertThat(events("CommitmentPostedEvent")).as("one event per row, none twice").isEqualTo(ROWS);
        assertUnitStored();
        assertThat(events("QuotaTargetSetEvent")).as("the acknowledged target").isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from commitment_import_row r where not exists (
                            select 1 from domain_event_entry e
                            where e.aggregate_identifier = r.commitment_id::text and e.payload_type like '%CommitmentPostedEvent')""")
                .query(Long.class).single()).as("every row result names a stored event").isZero();

        // The read side agrees once it has caught up (until then reads answer 503, never a smaller count).
        JsonNode quota = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> again.get("/api/v1/units/" + UNIT + "/quota/" + year),
                        answer -> answer.status() == 200 || answer.status() == 503 && answer.headers().containsKey("Retry-After")
                                ? answer.status() == 200 : failWith(answer))
                .json();
        assertThat(quota.path("letters").asInt()).as(quota.toString()).isEqualTo(ROWS);
        awaitProjectionsCaughtUp(again, Duration.ofSeconds(60));
        assertThat(jdbc.sql("select coalesce(sum(letters), 0) from quota_day where unit_id = ?").param(UNIT)
                .query(Long.class).single()).as("quota letters").isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*) from commitment_view where unit_id = ?").param(UNIT)
                .query(Long.class).single()).as("commitments listed").isEqualTo(ROWS);
        System.out.printf("import killed after %d of %d rows were committed; resumed and finished%n", committedAtKill, ROWS);
    }

    long processed(String importId) {
        return jdbc.sql("select processed from commitment_import where import_id = ?").param(UUID.fromString(importId))
                .query(Long.class).single();
    }

    static boolean failWith(Api.Response answer) {
        throw new AssertionError("neither the count nor 503 with Retry-After: " + answer);
    }
}
