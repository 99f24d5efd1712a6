package org.creditledger.readmodel.rebuild;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Transactions that write a rebuild's copies: unqualified table names resolve to the copies first
 * ({@link ShadowTables#searchShadowFirst}), and the statements that change rows travel as JDBC batches
 * ({@link StatementBatches}), sent before anything reads and before the commit. The code inside, a projection's own
 * handlers included, uses the transaction's connection as usual (JdbcClient, JdbcTemplate, Axon's connection provider).
 */
@Component
class ShadowTransactions {

    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final ShadowTables shadowTables;

    ShadowTransactions(PlatformTransactionManager transactionManager, DataSource dataSource, ShadowTables shadowTables) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.shadowTables = shadowTables;
    }

    void run(ShadowTables.Shadow shadow, Runnable work) {
        transactions.executeWithoutResult(status -> {
            shadowTables.searchShadowFirst(shadow);
            ConnectionHolder transactional = (ConnectionHolder) TransactionSynchronizationManager.unbindResource(dataSource);
            StatementBatches batches = new StatementBatches(transactional.getConnection());
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(batches.connection()));
            try {
                work.run();
                batches.flush();
            } catch (SQLException e) {
                throw new IllegalStateException("writing the copies of " + shadow.tables() + " failed", e);
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
                TransactionSynchronizationManager.bindResource(dataSource, transactional);
            }
        });
    }
}
