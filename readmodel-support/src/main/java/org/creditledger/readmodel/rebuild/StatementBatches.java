package org.creditledger.readmodel.rebuild;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A connection that sends the statements which change rows as JDBC batches, so a rebuild does not wait for the
 * database once per statement. {@code executeUpdate()} on a prepared statement queues the statement with its
 * parameters and answers 1; the queue is sent in order, one batch per run of the same SQL, before anything else
 * runs on the connection (a query, any other statement, a commit) and at {@link #flush()}. So every statement still
 * sees what the ones before it wrote, and handlers read their own writes; what they cannot have is the real update
 * count. Everything else goes to the connection as it is.
 */
final class StatementBatches {

    private final Connection target;
    private final Connection connection;
    private final List<Queued> queue = new ArrayList<>();

    private record Queued(String sql, List<Call> parameters) {
        /** The highest parameter index set: how many placeholders the statement has. */
        int parameterCount() {
            return parameters.stream().mapToInt(call -> (Integer) call.args()[0]).max().orElse(0);
        }
    }

    /** A recorded {@code setXxx(index, value…)} call, or with one argument a statement setting. */
    private record Call(Method method, Object[] args) {
        void applyTo(PreparedStatement statement) throws SQLException {
            invoke(statement, method, args);
        }

        /** A parameter of a statement whose placeholders come after {@code offset} others in a multi-statement. */
        void applyTo(PreparedStatement statement, int offset) throws SQLException {
            Object[] shifted = args.clone();
            shifted[0] = (Integer) args[0] + offset;
            invoke(statement, method, shifted);
        }
    }

    private final Predicate<String> deferrable;

    StatementBatches(Connection target) {
        this(target, sql -> true);
    }

    /** Only statements whose SQL {@code deferrable} accepts are queued; any other is sent at once, after the queue. */
    StatementBatches(Connection target, Predicate<String> deferrable) {
        this.target = target;
        this.deferrable = deferrable;
        this.connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                this::onConnection);
    }

    /** The connection to hand to the code whose updates are batched. */
    Connection connection() {
        return connection;
    }

    /**
     * Sends every queued statement, in order: a run of the same SQL as one JDBC batch; consecutive statements that
     * differ (an insert, then an update, then another insert …) as one multi-statement prepared statement of up to
     * {@value #MIXED_CHUNK} statements, which the driver also sends in one round trip.
     */
    void flush() throws SQLException {
        try {
            int first = 0;
            while (first < queue.size()) {
                int end = endOfRun(first);
                if (end - first > 1) {
                    sendBatch(first, end);
                } else {
                    end = first + 1;
                    while (end < queue.size() && end - first < MIXED_CHUNK && endOfRun(end) == end + 1) {
                        end++;
                    }
                    sendMixed(first, end);
                }
                first = end;
            }
        } finally {
            queue.clear();
        }
    }

    private static final int MIXED_CHUNK = 64;

    /** The end (exclusive) of the run of statements with the SQL of the one at {@code first}. */
    private int endOfRun(int first) {
        int end = first + 1;
        while (end < queue.size() && queue.get(end).sql().equals(queue.get(first).sql())) {
            end++;
        }
        return end;
    }

    private void sendBatch(int first, int end) throws SQLException {
        try (PreparedStatement statement = target.prepareStatement(batchable(queue.get(first).sql()))) {
            for (Queued queued : queue.subList(first, end)) {
                for (Call call : queued.parameters()) {
                    call.applyTo(statement, 0);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void sendMixed(int first, int end) throws SQLException {
        List<Queued> chunk = queue.subList(first, end);
        String sql = chunk.stream().map(Queued::sql).collect(Collectors.joining(";\n"));
        try (PreparedStatement statement = target.prepareStatement(sql)) {
            int offset = 0;
            for (Queued queued : chunk) {
                for (Call call : queued.parameters()) {
                    call.applyTo(statement, offset);
                }
                offset += queued.parameterCount();
            }
            statement.execute();
        }
    }

    /**
     * With {@code reWriteBatchedInserts} (the ledger's default URL sets it) the driver turns a batch of one INSERT into
     * multi-row INSERTs, and PostgreSQL refuses a multi-row {@code ON CONFLICT ... DO UPDATE} that meets one key twice
     * ("cannot affect row a second time") where the statements one by one would each update it. The driver rewrites
     * only statements that begin with INSERT: a leading (unused, so never evaluated) CTE keeps such an upsert one
     * statement per row, still sent in one round trip.
     */
    static String batchable(String sql) {
        return UPSERT.matcher(sql).find() ? "with one_row_per_statement as (select 1) " + sql : sql;
    }

    private static final Pattern UPSERT = Pattern.compile("(?is)^\\s*insert\\b.*\\bon\\s+conflict\\b.*\\bdo\\s+update\\b");

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "prepareStatement" -> args.length == 1 && deferrable.test((String) args[0]) ? deferred((String) args[0])
                    : flushThen(target, method, args);
            case "createStatement", "prepareCall", "commit", "setAutoCommit", "setSavepoint", "releaseSavepoint" ->
                    flushThen(target, method, args);
            case "rollback", "close" -> {
                queue.clear();
                yield invoke(target, method, args);
            }
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "batching " + target;
            default -> invoke(target, method, args);
        };
    }

    private Object flushThen(Object on, Method method, Object[] args) throws Throwable {
        flush();
        return invoke(on, method, args);
    }

    private PreparedStatement deferred(String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                new DeferredStatement(sql));
    }

    /**
     * A prepared statement that queues its updates. Any other use (a query, a batch of its own, metadata) makes it a
     * real statement, after the queue is sent, with the parameters and settings given so far.
     */
    private final class DeferredStatement implements InvocationHandler {

        private final String sql;
        private final List<Call> settings = new ArrayList<>();
        private List<Call> parameters = new ArrayList<>();
        private PreparedStatement real;
        private boolean closed;

        DeferredStatement(String sql) {
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (real != null && !name.equals("getConnection") && !name.equals("close")) {
                return StatementBatches.invoke(real, method, args);
            }
            int arity = args == null ? 0 : args.length;
            switch (name) {
                case "executeUpdate", "executeLargeUpdate" -> {
                    if (arity == 0) {
                        queue.add(new Queued(sql, parameters));
                        parameters = new ArrayList<>();
                        return name.equals("executeUpdate") ? (Object) 1 : (Object) 1L;
                    }
                }
                case "clearParameters" -> {
                    parameters = new ArrayList<>();
                    return null;
                }
                case "getConnection" -> {
                    return connection;
                }
                case "getWarnings" -> {
                    return null;
                }
                case "clearWarnings" -> {
                    return null;
                }
                case "close" -> {
                    closed = true;
                    if (real != null) {
                        real.close();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "batched " + sql;
                }
                default -> {
                    if (name.startsWith("set") && arity >= 2 && args[0] instanceof Integer) {
                        parameters.add(new Call(method, args));
                        return null;
                    }
                    if (name.startsWith("set") && arity == 1) {
                        settings.add(new Call(method, args));
                        return null;
                    }
                }
            }
            flush();
            real = target.prepareStatement(sql);
            for (Call call : settings) {
                call.applyTo(real);
            }
            for (Call call : parameters) {
                call.applyTo(real);
            }
            return StatementBatches.invoke(real, method, args);
        }
    }

    private static Object invoke(Object on, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(on, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
