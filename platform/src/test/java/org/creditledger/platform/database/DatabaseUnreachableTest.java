package org.creditledger.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableTest {

    @Test
    void aDatabaseThatIsDownRestartingOrCuttingTheSessionIsUnreachable() {
        // Hikari's timeout while no connection can be opened, as Spring's JdbcClient wraps it
        assertThat(DatabaseUnreachable.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")))).isTrue();
        // a transactional service that cannot begin
        assertThat(DatabaseUnreachable.causedBy(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
        // the server ends the session under a query: 57P01 admin shutdown (a fast stop), 08006 connection failure
        assertThat(DatabaseUnreachable.causedBy(new UncategorizedSQLException("select", "select 1",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnreachable.causedBy(new IllegalStateException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(DatabaseUnreachable.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnreachable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(new SQLException("canceling statement due to lock timeout", "55P03"))).isFalse();
        assertThat(DatabaseUnreachable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theReasonIsTheInnermostCauseOnOneLine() {
        assertThat(DatabaseUnreachable.reason(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to localhost:5432 refused.\n  Check that the hostname and port are correct"))))
                .isEqualTo("Connection to localhost:5432 refused. Check that the hostname and port are correct");
    }
}
