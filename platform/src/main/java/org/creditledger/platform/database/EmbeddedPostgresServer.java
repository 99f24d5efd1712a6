package org.creditledger.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One embedded PostgreSQL per data directory and JVM. Several Spring contexts of one JVM (tests) share it.
 * At shutdown it stops last: through Spring Boot's shutdown handlers, which run after Boot's shutdown hook has closed
 * every application context (HTTP drained, processors, deadline scheduler and writers stopped, token claims released,
 * pool closed). A JVM shutdown hook of its own would run at the same time as that close, and the application's
 * readers would fail against a database that is going away. {@link #stop(Path)} exists so a test can prove that data and deadlines survive
 * a real database restart.
 */
public final class EmbeddedPostgresServer {

    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    private static final Set<Path> CLEANED = new HashSet<>();

    private final EmbeddedPostgres postgres;
    private final DatabasePasswords passwords;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DatabasePasswords passwords, Path dataDir) {
        this.postgres = postgres;
        this.passwords = passwords;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, or returns the one already running there. A new directory is initialised
     * with password logins only; a directory from before that (initdb's {@code trust}) is migrated, see
     * {@link EmbeddedPostgresAccess}.
     *
     * @param cleanStart wipe the directory the first time this JVM starts a server on it (tests only)
     */
    public static synchronized EmbeddedPostgresServer startOrReuse(Path dataDir, boolean cleanStart) {
        EmbeddedPostgresServer running = RUNNING.get(dataDir);
        if (running != null) {
            return running;
        }
        boolean clean = cleanStart && CLEANED.add(dataDir);
        if (clean) {
            stopOrphan(dataDir);
            deleteLeftovers(dataDir);
        }
        Path initdbPasswordFile = null;
        try {
            Files.createDirectories(dataDir);
            boolean initdb = clean || !Files.exists(dataDir.resolve("postgresql.conf"));
            boolean trusting = !initdb && EmbeddedPostgresAccess.trustsClients(dataDir);
            DatabasePasswords passwords = initdb ? DatabasePasswords.generate() : DatabasePasswords.read(dataDir)
                    .or(() -> trusting ? Optional.of(DatabasePasswords.generate()) : Optional.empty())
                    .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL in " + dataDir
                            + " asks for passwords, but " + DatabasePasswords.FILE_NAME + " is missing there: restore it"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    // zonky's own JVM shutdown hook would stop the server while the application still uses it
                    .setRegisterShutdownHook(false)
                    // A ledger must not lose a commit it acknowledged: keep PostgreSQL's durable default.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    // TCP on loopback only, and no Unix socket in a shared directory such as /tmp.
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", EmbeddedPostgresAccess.AUTH_METHOD)
                    // zonky waits for the server by logging in as the superuser.
                    .setConnectConfig("password", passwords.superuser())
                    // Runs after initdb and before the server starts: the passwords are on disk before any role has them.
                    .setDataDirectoryCustomizer(directory -> passwords.storeIfAbsent(dataDir));
            if (initdb) {
                // zonky runs "initdb -A trust …" and appends these, which override its -A: no trust, not even at first start.
                initdbPasswordFile = passwords.superuserPasswordFile();
                builder.setLocaleConfig("auth", EmbeddedPostgresAccess.AUTH_METHOD)
                        .setLocaleConfig("pwfile", initdbPasswordFile.toString());
            }
            EmbeddedPostgres postgres = builder.start();
            if (initdb || trusting) {
                EmbeddedPostgresAccess.secure(postgres.getPostgresDatabase(), passwords);
            }
            if (trusting) {
                EmbeddedPostgresAccess.requirePasswords(dataDir, postgres.getPostgresDatabase());
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, passwords, dataDir);
            RUNNING.put(dataDir, server);
            if (RUNNING.size() == 1) {
                SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServer::stopAll);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir, e);
        } finally {
            if (initdbPasswordFile != null) {
                try {
                    Files.deleteIfExists(initdbPasswordFile);
                } catch (IOException ignored) {
                    // a private temporary file; the OS clears it
                }
            }
        }
    }

    /**
     * A clean start throws the directory away; a server still running on it (left by a JVM that was killed, or that
     * ran no Spring application to stop it) is asked to shut down first, or initdb would fail on its files.
     */
    private static void stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid)
                    .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                    .ifPresent(process -> {
                        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; nobody is connected to an orphan
                        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException unreadable) {
            // no readable pid: nothing of ours runs there, and initdb says what is wrong if something does
        }
    }

    /** zonky wipes a clean directory when its server closes; one whose server never closed still holds its files. */
    private static void deleteLeftovers(Path dataDir) {
        try {
            FileSystemUtils.deleteRecursively(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dataDir + " for a clean start", e);
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

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres?reWriteBatchedInserts=true";
    }

    /** The application's role: owns the ledger's tables, is no superuser. */
    public String username() {
        return DatabasePasswords.APP_ROLE;
    }

    public String password() {
        return passwords.app();
    }

    /** Both passwords, owner-only, in libpq's pgpass format (usable as {@code PGPASSFILE}). */
    public Path passwordFile() {
        return DatabasePasswords.file(dataDir);
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
