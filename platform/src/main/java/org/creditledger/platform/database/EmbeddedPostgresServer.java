package org.creditledger.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded PostgreSQL per data directory and JVM. Several Spring contexts of one JVM (tests) share it;
 * a JVM shutdown hook stops it. {@link #stop(Path)} exists so a test can prove that data and deadlines survive
 * a real database restart.
 */
public final class EmbeddedPostgresServer {

    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    private static final Set<Path> CLEANED = new HashSet<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, or returns the one already running there.
     *
     * @param cleanStart wipe the directory the first time this JVM starts a server on it (tests only)
     */
    public static synchronized EmbeddedPostgresServer startOrReuse(Path dataDir, boolean cleanStart) {
        EmbeddedPostgresServer running = RUNNING.get(dataDir);
        if (running != null) {
            return running;
        }
        boolean clean = cleanStart && CLEANED.add(dataDir);
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    // A ledger must not lose a commit it acknowledged: keep PostgreSQL's durable default.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            RUNNING.put(dataDir, server);
            if (RUNNING.size() == 1) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAll, "embedded-postgres-stop"));
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the server on {@code dataDir}; its data stay on disk for the next start. */
    public static synchronized void stop(Path dataDir) {
        EmbeddedPostgresServer server = RUNNING.remove(dataDir);
        if (server != null) {
            server.close();
        }
    }

    private static synchronized void stopAll() {
        RUNNING.values().forEach(EmbeddedPostgresServer::close);
        RUNNING.clear();
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres?reWriteBatchedInserts=true";
    }

    String version() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }

    private void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
