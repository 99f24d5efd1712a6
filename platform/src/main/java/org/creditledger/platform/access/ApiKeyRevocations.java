package org.creditledger.platform.access;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * Hears revocations made by any node ({@code LISTEN api_key_revoked}) and evicts the key from this node's cache, so a
 * revoked key fails on every node within milliseconds of the revoking commit.
 *
 * <p>It listens on a connection of its own, outside the pool: a pooled connection would hold a pool slot forever, and
 * the pool may replace it at any time, silently dropping the {@code LISTEN}. While the connection is lost, revocations
 * can be missed: so on losing it the whole cache is dropped, and again once listening anew. The connection is checked
 * with a query every few seconds, so a silently dead one is noticed too; the cache TTL bounds what remains.
 */
@Component
class ApiKeyRevocations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRevocations.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration HEALTH_CHECK_EVERY = Duration.ofSeconds(5);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(5);

    private final ApiKeys apiKeys;
    private final DataSourceProperties dataSource;
    private volatile Thread listener;
    private volatile Connection connection;
    private volatile boolean listening;

    ApiKeyRevocations(ApiKeys apiKeys, DataSourceProperties dataSource) {
        this.apiKeys = apiKeys;
        this.dataSource = dataSource;
    }

    /** True while revocations of other nodes reach this one. */
    boolean listening() {
        return listening;
    }

    private void run() {
        long delayMillis = 100;
        while (listener == Thread.currentThread()) {
            try (Connection conn = connect()) {
                connection = conn;
                try (Statement statement = conn.createStatement()) {
                    statement.execute("LISTEN " + ApiKeys.REVOKED_CHANNEL);
                }
                // Anything revoked before the LISTEN took effect was missed: start from an empty cache.
                apiKeys.evictAll();
                listening = true;
                delayMillis = 100;
                listen(conn);
            } catch (SQLException e) {
                if (listener != Thread.currentThread()) {
                    break;
                }
                if (listening) {
                    log.warn(OperatorLog.text("log.access.revocations-lost"), e);
                } else {
                    log.warn(OperatorLog.text("log.access.revocations-retry", e.getMessage(), delayMillis));
                }
            } finally {
                connection = null;
                if (listening) {
                    listening = false;
                    apiKeys.evictAll();
                }
            }
            if (!pause(delayMillis)) {
                break;
            }
            delayMillis = Math.min(delayMillis * 2, MAX_RECONNECT_DELAY.toMillis());
        }
    }

    private void listen(Connection conn) throws SQLException {
        PGConnection pg = conn.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (listener == Thread.currentThread()) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    evict(notification.getParameter());
                }
            }
            if (System.nanoTime() - lastCheck > HEALTH_CHECK_EVERY.toNanos()) {
                try (Statement statement = conn.createStatement()) {
                    statement.execute("select 1");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void evict(String payload) {
        try {
            apiKeys.evict(UUID.fromString(payload));
        } catch (IllegalArgumentException notAKeyId) {
            // Someone else sent on our channel: the only safe reading is "something changed".
            apiKeys.evictAll();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String username = dataSource.determineUsername();
        String password = dataSource.determinePassword();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "credit-ledger key revocations");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(dataSource.determineUrl(), properties);
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return listener == Thread.currentThread();
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "api-key-revocations");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
            Connection conn = connection;
            if (conn != null) {
                try {
                    conn.close();
                } catch (SQLException ignored) {
                    // closing to wake the thread; it ends either way
                }
            }
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** Before the web server starts taking requests. */
    @Override
    public int getPhase() {
        return 0;
    }
}
