package org.creditledger.readmodel.rebuild;

import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StatementBatches} on a real PostgreSQL, through the ledger's own JDBC URL ({@code reWriteBatchedInserts=true}):
 * updates wait in a queue and go to the database as few calls as possible, in the order they were issued, before
 * anything else runs on the connection; what the database holds in the end is what the statements one by one would
 * have left. "Calls" below are the statements executed on the real connection, each one round trip.
 */
class StatementBatchesTest {

    static EmbeddedPostgresServer server;

    Connection target;
    Calls calls;
    StatementBatches batches;
    Connection batched;

    @BeforeAll
    static void startPostgres() throws SQLException {
        Path dataDir = Path.of(System.getProperty("ledger.data-dir", "target/test-pgdata")).resolve("statement-batches")
                .toAbsolutePath().normalize();
        server = EmbeddedPostgresServer.startOrReuse(dataDir, true);
        try (Connection admin = connect(); Statement ddl = admin.createStatement()) {
            for (String schema : List.of("batched", "plain")) {
                ddl.execute("create schema if not exists " + schema);
                ddl.execute("create table if not exists " + schema + ".item (id int primary key, name text not null, "
                        + "amount int not null default 0)");
                ddl.execute("create table if not exists " + schema + ".item_log (seq bigserial primary key, id int not null, "
                        + "what text not null)");
            }
        }
    }

    /** No Spring application runs here to stop the server at exit; a server left running would outlive the build. */
    @AfterAll
    static void stopPostgres() {
        EmbeddedPostgresServer.stop(server.dataDir());
    }

    @BeforeEach
    void openBatchedConnection() throws SQLException {
        try (Connection admin = connect(); Statement ddl = admin.createStatement()) {
            ddl.execute("truncate batched.item, batched.item_log, plain.item, plain.item_log restart identity");
        }
        target = connect();
        try (Statement statement = target.createStatement()) {
            statement.execute("set search_path to batched");
        }
        target.setAutoCommit(false);
        calls = new Calls();
        batches = new StatementBatches(calls.recording(target));
        batched = batches.connection();
    }

    @AfterEach
    void closeConnection() throws SQLException {
        target.close();
    }

    @Test
    void aRunOfTheSameUpdateIsQueuedThenSentAsOneBatch() throws SQLException {
        for (int id = 1; id <= 100; id++) {
            try (PreparedStatement insert = batched.prepareStatement("insert into item (id, name) values (?, ?)")) {
                insert.setInt(1, id);
                insert.setString(2, "item " + id);
                assertThat(insert.executeUpdate()).as("answered at once, without the real count").isEqualTo(1);
            }
        }
        assertThat(calls.sent()).as("nothing sent yet").isEmpty();
        assertThat(countOnTarget("item")).isZero();

        batches.flush();

        assertThat(calls.sent()).containsExactly("executeBatch insert into item (id, name) values (?, ?)");
        assertThat(countOnTarget("item")).isEqualTo(100);
    }

    @Test
    void differentUpdatesAreSentInTheOrderTheyWereIssued() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item (id, name) values (?, ?)", 2, "b");
        update("update item set amount = amount + ? where id = ?", 5, 1);
        update("insert into item_log (id, what) values (?, ?)", 1, "added 5");
        update("update item set amount = amount * ? where id = ?", 3, 1);
        update("delete from item where id = ?", 2);
        update("insert into item (id, name) values (?, ?)", 2, "b again");
        update("insert into item (id, name) values (?, ?)", 3, "c");

        batches.flush();

        // the first run as one batch; the four single statements as one multi-statement call; the last run as a batch
        assertThat(calls.sent()).containsExactly(
                "executeBatch insert into item (id, name) values (?, ?)",
                "execute update item set amount = amount + ? where id = ?;\n"
                        + "insert into item_log (id, what) values (?, ?);\n"
                        + "update item set amount = amount * ? where id = ?;\n"
                        + "delete from item where id = ?",
                "executeBatch insert into item (id, name) values (?, ?)");
        assertThat(rows(target, "select id, name, amount from item order by id"))
                .containsExactly("1 a 15", "2 b again 0", "3 c 0");
        assertThat(rows(target, "select id, what from item_log")).containsExactly("1 added 5");
    }

    @Test
    void longMixedRunsAreSentSixtyFourStatementsPerCall() throws SQLException {
        for (int id = 1; id <= 100; id++) {
            update("insert into item (id, name) values (?, ?)", id, "item " + id);
            update("update item set amount = ? where id = ?", id * 10, id);
        }

        batches.flush();

        assertThat(calls.sent()).hasSize(4).allMatch(call -> call.startsWith("execute insert into item"));
        assertThat(rows(target, "select sum(amount) from item")).containsExactly("50500");
    }

    /** The rebuild's handlers through Spring's JdbcClient, against the same statements one by one on a plain connection. */
    @Test
    void theTablesEndAsTheStatementsOneByOneWouldLeaveThem() throws SQLException {
        List<Object[]> operations = operations(new Random(20251130), 2_000);
        JdbcClient viaBatches = JdbcClient.create(new SingleConnectionDataSource(batched, true));
        try (Connection plain = connect()) {
            plain.setAutoCommit(false);
            JdbcClient onePerStatement = JdbcClient.create(new SingleConnectionDataSource(plain, true));
            onePerStatement.sql("set search_path to plain").update();
            for (Object[] operation : operations) {
                run(onePerStatement, operation);
                run(viaBatches, operation);
            }
            batches.flush();

            for (String query : List.of("select id, name, amount from item order by id", "select seq, id, what from item_log order by seq")) {
                List<String> expected = rows(plain, query);
                assertThat(expected).isNotEmpty();
                assertThat(rows(target, query)).isEqualTo(expected);
            }
            plain.rollback();
        }
        // measured: 229 calls for these 2,002 statements
        assertThat(calls.sent().size()).as("calls for %d statements", operations.size()).isLessThan(operations.size() / 5);
    }

    /**
     * With {@code reWriteBatchedInserts} the driver would turn a batch of one upsert into one multi-row statement, which
     * PostgreSQL refuses when it meets the same key twice; one by one, each statement updates the row.
     */
    @Test
    void aBatchOfUpsertsMayMeetTheSameKeyTwice() throws SQLException {
        String upsert = "insert into item (id, name, amount) values (?, ?, ?) "
                + "on conflict (id) do update set amount = item.amount + excluded.amount, name = excluded.name";
        for (int i = 1; i <= 10; i++) {
            update(upsert, i % 3, "n" + i, i);
        }

        batches.flush();

        assertThat(calls.sent()).containsExactly("executeBatch with one_row_per_statement as (select 1) " + upsert);
        assertThat(rows(target, "select id, name, amount from item order by id"))
                .containsExactly("0 n9 18", "1 n10 22", "2 n8 15");
    }

    @Test
    void aReadFirstSendsTheQueueSoItSeesTheWritesBeforeIt() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item (id, name) values (?, ?)", 2, "b");
        try (PreparedStatement query = batched.prepareStatement("select count(*) from item where id <= ?")) {
            query.setInt(1, 2);
            try (ResultSet counted = query.executeQuery()) {
                assertThat(counted.next()).isTrue();
                assertThat(counted.getInt(1)).isEqualTo(2);
            }
        }
        update("update item set name = ? where id = ?", "b2", 2);
        try (Statement plain = batched.createStatement(); ResultSet names = plain.executeQuery("select name from item order by id")) {
            assertThat(names.next() && names.next()).isTrue();
            assertThat(names.getString(1)).isEqualTo("b2");
        }

        assertThat(calls.sent()).containsExactly(
                "executeBatch insert into item (id, name) values (?, ?)",
                "executeQuery select count(*) from item where id <= ?",
                "execute update item set name = ? where id = ?",
                "executeQuery select name from item order by id");
    }

    @Test
    void aFailingStatementInARunFailsTheFlushNamingItAndItsKey() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item (id, name) values (?, ?)", 2, "b");
        assertThat(update("insert into item (id, name) values (?, ?)", 1, "twice")).as("no error yet").isEqualTo(1);

        assertThatThrownBy(batches::flush).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
            // the driver names the entry as it sent it: with reWriteBatchedInserts, rows of one insert may share an entry
            assertThat(e.getMessage()).contains("insert into item (id, name) values", "('twice')", "Key (id)=(1) already exists");
            assertThat(e.getNextException().getMessage()).contains("duplicate key", "(id)=(1)");
        });
        target.rollback();
        batches.flush();
        assertThat(calls.sent()).as("the failed statements are not sent again").hasSize(1);
    }

    @Test
    void aFailingStatementAmongDifferentOnesFailsTheFlushNamingIt() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item_log (id, what) values (?, ?)", 1, "added");
        update("update item set name = ? where id = ?", null, 1);
        update("insert into item_log (id, what) values (?, ?)", 1, "renamed");

        assertThatThrownBy(batches::flush).isInstanceOf(SQLException.class)
                .hasMessageContaining("null value in column \"name\"");
        target.rollback();
        assertThat(countOnTarget("item")).isZero();
    }

    @Test
    void aQueryThatFailsOnAQueuedWriteFailsAtTheQuery() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item (id, name) values (?, ?)", 1, "b");

        assertThatThrownBy(() -> rows(batched, "select count(*) from item")).isInstanceOf(BatchUpdateException.class)
                .hasMessageContaining("insert into item (id, name) values").hasMessageContaining("Key (id)=(1) already exists");
        assertThat(calls.sent()).as("the query itself never ran").containsExactly("executeBatch insert into item (id, name) values (?, ?)");
    }

    @Test
    void aCommitSendsTheQueueFirst() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item_log (id, what) values (?, ?)", 1, "added");

        batched.commit();

        try (Connection other = connect()) {
            assertThat(rows(other, "select id, name from batched.item")).containsExactly("1 a");
            assertThat(rows(other, "select id, what from batched.item_log")).containsExactly("1 added");
        }
    }

    /**
     * Closing a statement keeps its update queued (a handler closes each one at once); rolling back or closing the
     * connection drops the queue, as the database would drop those statements' uncommitted work, and sends nothing.
     */
    @Test
    void closingAStatementKeepsItsUpdateWhileRollbackAndCloseDropTheQueue() throws SQLException {
        PreparedStatement insert = batched.prepareStatement("insert into item (id, name) values (?, ?)");
        insert.setInt(1, 1);
        insert.setString(2, "a");
        insert.executeUpdate();
        insert.close();
        assertThat(insert.isClosed()).isTrue();
        batches.flush();
        assertThat(countOnTarget("item")).isEqualTo(1);

        update("insert into item (id, name) values (?, ?)", 2, "b");
        batched.rollback();
        batches.flush();
        assertThat(countOnTarget("item")).as("rolled back with the first one").isZero();

        update("insert into item (id, name) values (?, ?)", 3, "c");
        batched.close();
        assertThat(calls.sent()).hasSize(1);
        assertThat(target.isClosed()).isTrue();
    }

    /** A savepoint is taken after what was issued before it, so rolling back to it drops exactly what came after. */
    @Test
    void aSavepointSendsTheQueueAndRollingBackToItDropsWhatCameAfter() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "before");
        Savepoint savepoint = batched.setSavepoint();
        update("insert into item (id, name) values (?, ?)", 2, "after");
        batched.rollback(savepoint);
        update("insert into item (id, name) values (?, ?)", 3, "after the rollback");
        batches.flush();

        assertThat(rows(target, "select id, name from item order by id")).containsExactly("1 before", "3 after the rollback");
    }

    @Test
    void aStatementUsedForMoreThanAnUpdateBecomesARealOneWithItsParameters() throws SQLException {
        update("insert into item (id, name) values (?, ?)", 1, "a");
        try (PreparedStatement statement = batched.prepareStatement("update item set amount = ? where id = ?")) {
            statement.setInt(1, 7);
            statement.setInt(2, 1);
            statement.setQueryTimeout(5);
            assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(2);
            assertThat(statement.getQueryTimeout()).isEqualTo(5);
            assertThat(statement.executeUpdate()).as("now the real count").isEqualTo(1);
        }
        assertThat(rows(target, "select amount from item")).containsExactly("7");
    }

    /** How a live processor's transactions use it: Axon's token store's statements are never queued (their count counts). */
    @Test
    void aStatementTheFilterRefusesIsSentAtOnceAfterTheQueueWithItsRealCount() throws SQLException {
        batches = new StatementBatches(calls.recording(target), sql -> !sql.contains("item_log"));
        batched = batches.connection();
        update("insert into item (id, name) values (?, ?)", 1, "a");
        update("insert into item (id, name) values (?, ?)", 2, "b");

        assertThat(update("insert into item_log (id, what) values (?, ?)", 1, "token")).isEqualTo(1);
        assertThat(update("update item_log set what = ? where id = ?", "claim lost", 99))
                .as("a lost claim is still seen by its update count").isZero();

        assertThat(calls.sent()).containsExactly(
                "executeBatch insert into item (id, name) values (?, ?)",
                "executeUpdate insert into item_log (id, what) values (?, ?)",
                "executeUpdate update item_log set what = ? where id = ?");
    }

    // ---- helpers

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    /** One update through the batched connection, the way JDBC code issues it: prepare, set, execute, close. */
    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = batched.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    long countOnTarget(String table) throws SQLException {
        return Long.parseLong(rows(target, "select count(*) from " + table).get(0));
    }

    /** Rows as space-separated text; on {@link #target} directly, a query sends nothing queued. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    /** Inserts, upserts, updates and deletes over a few keys, in runs of the same SQL and mixed. */
    static List<Object[]> operations(Random random, int count) {
        List<Object[]> operations = new ArrayList<>();
        while (operations.size() < count) {
            int kind = random.nextInt(5);
            int run = random.nextBoolean() ? 1 : 1 + random.nextInt(20);
            for (int i = 0; i < run; i++) {
                int id = random.nextInt(50);
                operations.add(switch (kind) {
                    case 0 -> new Object[] {"insert into item (id, name, amount) values (?, ?, ?) on conflict (id) do update "
                            + "set amount = item.amount + excluded.amount, name = excluded.name", id, "n" + random.nextInt(9), random.nextInt(100)};
                    case 1 -> new Object[] {"update item set amount = amount * ? where id = ?", 1 + random.nextInt(3), id};
                    case 2 -> new Object[] {"insert into item_log (id, what) values (?, ?)", id, "w" + random.nextInt(1000)};
                    case 3 -> new Object[] {"delete from item where id = ? and amount > ?", id, random.nextInt(500)};
                    default -> new Object[] {"insert into item (id, name) values (?, ?) on conflict do nothing", id, "new"};
                });
            }
        }
        return operations;
    }

    static void run(JdbcClient jdbc, Object[] operation) {
        JdbcClient.StatementSpec statement = jdbc.sql((String) operation[0]);
        for (int i = 1; i < operation.length; i++) {
            statement = statement.param(operation[i]);
        }
        statement.update();
    }

    /** Records what {@link StatementBatches} executes on the real connection: one entry per call to the database. */
    static final class Calls {

        private final List<String> sent = new ArrayList<>();

        List<String> sent() {
            return sent;
        }

        Connection recording(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                            return recording(prepared, (String) args[0]);
                        }
                        if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                            return recording(statement, null);
                        }
                        return result;
                    });
        }

        private Statement recording(Statement statement, String preparedSql) {
            Class<?> type = statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                if (method.getName().startsWith("execute")) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                    sent.add(method.getName() + " " + sql);
                }
                return invoke(statement, method, args);
            });
        }

        private static Object invoke(Object on, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(on, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
