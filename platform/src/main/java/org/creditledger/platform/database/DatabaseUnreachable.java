package org.creditledger.platform.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.time.Duration;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because PostgreSQL cannot be reached (down, restarting, refusing connections, or ending the
 * session under a query) from every other failure. The first is the client's to retry (503 with {@code Retry-After});
 * the ledger recovers by itself once the database is back (the pool opens new connections, the processors retry).
 */
public final class DatabaseUnreachable {

    /** How long a client should wait before retrying: about a database restart. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnreachable() {
    }

    /** True if {@code failure}, or anything it was caused by, says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && connectionLost(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's own words, on one line (for a log line without a stack). */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
     * (starting up or shutting down).
     */
    private static boolean connectionLost(String sqlState) {
        return sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03");
    }
}
