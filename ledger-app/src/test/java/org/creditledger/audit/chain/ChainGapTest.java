package org.creditledger.audit.chain;

import org.axonframework.eventhandling.EventBus;
import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps in the global index: an append that has taken its index but not committed yet, while a later one has. The
 * chainer must wait for it (or a late commit would look like tampering), skip it soon once its transaction rolled
 * back, and skip it after the gap timeout when it cannot tell.
 */
class ChainGapTest extends LedgerHttpTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    EventChain chain;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventBus eventBus;

    String template;

    @BeforeEach
    void aUnitWhoseRegistrationEventTheTestsCopy() {
        template = registerUnit();
    }

    @Test
    void aLateCommitBelowALaterEventIsChainedInItsPlace() throws SQLException {
        long held;
        long later;
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            held = appendUncommitted(writer);
            later = indexOf(registerUnit());
            assertThat(later).isGreaterThan(held);
            awaitChainedBelow(held);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> chain.tail().globalIndex() < held);

            writer.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> chain.tail().globalIndex() >= later);
        assertThat(skippedAt(held)).isFalse();
        assertThat(verifier.verify(null).ok()).isTrue();
    }

    @Test
    void aRolledBackAppendIsSkippedOnceItsTransactionHasEndedLongBeforeTheTimeout() throws SQLException {
        long held;
        long later;
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            held = appendUncommitted(writer);
            later = indexOf(registerUnit());
            writer.rollback();
        }
        // the gap timeout is 60 s: passing within 15 s is the snapshot rule's doing
        await().atMost(Duration.ofSeconds(15)).until(() -> chain.tail().globalIndex() >= later);
        assertThat(skippedAt(held)).isTrue();
        assertThat(verifier.verify(null).ok()).isTrue();
    }

    /**
     * A transaction that was already running when the gap appeared (here one that merely holds a transaction id) may
     * be the one that took the index: the snapshot rule cannot settle the gap while it runs, the timeout does.
     */
    @Test
    void aGapBehindALongRunningTransactionIsSkippedAfterTheGapTimeout() throws SQLException {
        long held;
        long later;
        try (Connection bystander = dataSource.getConnection()) {
            bystander.setAutoCommit(false);
            bystander.createStatement().execute("select pg_current_xact_id()");
            try (Connection writer = dataSource.getConnection()) {
                writer.setAutoCommit(false);
                held = appendUncommitted(writer);
                later = indexOf(registerUnit());
                writer.rollback();
            }
            awaitChainedBelow(held);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> chain.tail().globalIndex() < held);

            EventChainer impatient = new EventChainer(chain, jdbcTemplate, transactions, eventBus, Clock.systemUTC(),
                    Duration.ofMillis(50), Duration.ofSeconds(1), 10_000, Duration.ofSeconds(2), Duration.ofMillis(50));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                impatient.chainOnce();
                return chain.tail().globalIndex() >= later;
            });
            bystander.rollback();
        }
        assertThat(skippedAt(held)).isTrue();
        assertThat(verifier.verify(null).ok()).isTrue();
    }

    String registerUnit() {
        String unitId = "gap-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().as(keys().admin()).put("/api/v1/units/" + unitId, Map.of("name", "旺苍县", "kind", "COUNTY")).status()).isEqualTo(201);
        return unitId;
    }

    long indexOf(String unitId) {
        return jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ?").param(unitId).query(Long.class).single();
    }

    /** What an appending transaction does: INSERT taking the next global index, not committed yet. */
    long appendUncommitted(Connection writer) throws SQLException {
        String unitId = "gap-" + UUID.randomUUID().toString().substring(0, 8);
        try (PreparedStatement insert = writer.prepareStatement("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                select ?, sequence_number, type, ?, meta_data, convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),
                    payload_revision, payload_type, time_stamp
                from domain_event_entry where aggregate_identifier = ?
                returning global_index""")) {
            insert.setString(1, unitId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, template);
            insert.setString(4, unitId);
            insert.setString(5, template);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits until the chain holds every committed event below {@code index}: the chainer did reach the gap. */
    void awaitChainedBelow(long index) {
        long below = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry where global_index < ?").param(index)
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.tail().globalIndex() >= below);
    }

    /** True when the chain recorded {@code index} as never committed, false when it chained an event there. */
    boolean skippedAt(long index) {
        return jdbc.sql("select event_hash is null from event_chain where global_index = ?").param(index).query(Boolean.class).single();
    }
}
