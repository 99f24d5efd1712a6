package org.creditledger.readmodel.rebuild;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The transactions of a live read model's processor, with the projection's row changes sent as JDBC batches
 * ({@link StatementBatches}), as a rebuild sends them: a batch of 200 counter checks becomes a few round trips to
 * PostgreSQL for the timeline, the check counts and the monthly statistics, instead of one per event and table
 * (issue 13). Handlers still read their own writes (the queue is sent before any query); what they cannot have is the
 * real update count, which no projection uses (the rebuild relies on the same).
 *
 * <p>Axon's token store is left as it is: a statement on {@code token_entry} is never queued, so a lost claim is still
 * noticed by its update count, and the projection's statements queued before it are sent first, in order. The queue
 * is sent before the commit; a statement that fails there fails the commit, and Axon retries the whole batch, as it
 * does for a failure in a handler.
 */
public final class BatchedStatementsTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;

    /** {@code delegate}: Spring's transactions on {@code dataSource} (Axon's {@code SpringTransactionManager}). */
    public BatchedStatementsTransactionManager(TransactionManager delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder transactional)
                || transactional.getConnection() instanceof java.lang.reflect.Proxy) {
            return transaction; // joined an outer transaction, or already batching: leave it as it is
        }
        StatementBatches batches = new StatementBatches(transactional.getConnection(),
                sql -> !sql.toLowerCase(java.util.Locale.ROOT).contains("token_entry"));
        TransactionSynchronizationManager.unbindResource(dataSource);
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(batches.connection()));
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    batches.flush();
                } catch (SQLException e) {
                    restore();
                    transaction.rollback();
                    throw new IllegalStateException("a read model's batched statements failed", e);
                } catch (RuntimeException e) {
                    restore();
                    transaction.rollback();
                    throw e;
                }
                restore();
                transaction.commit();
            }

            @Override
            public void rollback() {
                restore();
                transaction.rollback();
            }

            private void restore() {
                if (TransactionSynchronizationManager.getResource(dataSource) != transactional) {
                    TransactionSynchronizationManager.unbindResource(dataSource);
                    TransactionSynchronizationManager.bindResource(dataSource, transactional);
                }
            }
        };
    }
}
