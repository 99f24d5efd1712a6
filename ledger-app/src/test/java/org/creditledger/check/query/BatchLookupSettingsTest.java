package org.creditledger.check.query;

import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's lookups are planned without parallel workers ({@link CheckLookup#findAll}), and only they: the setting
 * ends with their transaction, so the pooled connection that ran them plans every later statement as before.
 */
class BatchLookupSettingsTest extends LedgerHttpTest {

    static final String SHOW = "show max_parallel_workers_per_gather";

    @Autowired
    DataSource pool;
    @Autowired
    CheckLookup lookup;

    @Test
    void batchLookupsPlanNoParallelWorkersAndLeaveTheConnectionAsItWas() throws Exception {
        try (Connection connection = pool.getConnection()) {
            // one connection for everything below: what the lookup leaves behind is seen by the statement after it
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcClient sql = JdbcClient.create(one);
            CheckLookup onOneConnection = new CheckLookup(sql, new DataSourceTransactionManager(one));

            String before = sql.sql(SHOW).query(String.class).single();
            String during = onOneConnection.withoutParallelWorkers(() -> sql.sql(SHOW).query(String.class).single());
            String after = sql.sql(SHOW).query(String.class).single();

            assertThat(before).as("PostgreSQL's default plans parallel workers").isNotEqualTo("0");
            assertThat(during).isEqualTo("0");
            assertThat(after).isEqualTo(before);
            assertThat(connection.getAutoCommit()).as("the connection is back in autocommit").isTrue();
        }
    }

    /** The ledger's own wiring (its transaction manager, its JDBC client): the statements inside share the setting. */
    @Test
    void theLedgersLookupSetsItForTheStatementsItRuns() {
        assertThat(lookup.withoutParallelWorkers(() -> jdbc.sql(SHOW).query(String.class).single())).isEqualTo("0");
    }
}
