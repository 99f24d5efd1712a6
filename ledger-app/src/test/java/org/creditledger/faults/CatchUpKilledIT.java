package org.creditledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults 2 and 4, on one burst of events (one import of {@value #ROWS} letters) and two kills, to spend the slow
 * process starts once:
 * <ol>
 *   <li>{@code kill -9} while the projections catch up after the burst (the first node processes one event per
 *       transaction, {@code ledger.read.batch-size=1}, so the window is wide), and its chainer is held off;</li>
 *   <li>{@code kill -9} of the next node while its chainer links the burst (100 events per transaction).</li>
 * </ol>
 * After the last restart every projection equals a rebuild from the events, the chain covers every event and
 * {@code POST /audit/verify} is ok. Every acknowledged letter is in the store.
 */
class CatchUpKilledIT extends FaultFixture {

    static final int ROWS = 3_000;
    /** {@code EventChain.LOCK_KEY}: the chainer links only while it can take this advisory lock. */
    static final long CHAIN_LOCK = 0x4C454447_4348414EL;

    @Test
    void killedWhileProjectionsAndTheChainCatchUpEveryProjectionEqualsARebuildAndTheChainCoversEveryEvent() throws Exception {
        long started = System.nanoTime();
        LedgerProcess first;
        long headAtFirstKill;
        Map<String, Long> positionsAtFirstKill;
        try (Connection holder = LedgerProcess.dataSource(database).getConnection()) {
            lock(holder, "select pg_advisory_lock(?)");
            first = node("first", Map.of("SPRING_APPLICATION_JSON", "{\"ledger.read.batch-size\": 1, \"ledger.audit.chain.batch-size\": 20}"));
            Api admin = first.admin();
            createUnit(admin);
            String importId = upload(admin, ROWS, 300_000);
            JsonNode done = awaitImportDone(admin, importId, Duration.ofSeconds(120));
            assertThat(done.path("accepted").asInt()).as(done.toString()).isEqualTo(ROWS);

            headAtFirstKill = head();
            positionsAtFirstKill = processorPositions();
            first.kill9();
            assertThat(positionsAtFirstKill.values()).as("some projection was still catching up at the kill")
                    .anyMatch(position -> position < headAtFirstKill);
            assertThat(chained()).as("the chain was held off").isZero();

            LedgerProcess second = node("second", Map.of("SPRING_APPLICATION_JSON", "{\"ledger.audit.chain.batch-size\": 20}"));
            lock(holder, "select pg_advisory_unlock(?)");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2)).until(() -> chained() > 0);
            second.kill9();
            long chainedAtKill = chained();
            assertThat(chainedAtKill).as("killed while linking").isLessThan(headAtFirstKill);
            System.out.printf("first kill: head %d, projections at %s; second kill: %d of %d events chained%n",
                    headAtFirstKill, positionsAtFirstKill, chainedAtKill, headAtFirstKill);
        }

        LedgerProcess third = node("third");
        Api admin = third.admin();
        assertThat(events("CommitmentPostedEvent")).as("every acknowledged letter").isEqualTo(ROWS);
        assertUnitStored();
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> unchained() == 0);
        JsonNode verified = admin.post("/api/v1/audit/verify", null).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("checkedEvents").asLong()).as("the chain covers every event").isEqualTo(events);

        assertEveryProjectionEqualsItsRebuild(admin);
        System.out.printf("catch-up kills: %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    long chained() {
        return jdbc.sql("select count(*) from event_chain where event_hash is not null").query(Long.class).single();
    }

    long unchained() {
        return jdbc.sql("""
                select count(*) from domain_event_entry e
                where not exists (select 1 from event_chain c where c.global_index = e.global_index and c.event_hash is not null)""")
                .query(Long.class).single();
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, CHAIN_LOCK);
            statement.execute();
        }
    }
}
