package org.creditledger.platform.database;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import static org.creditledger.platform.database.DatabasePasswords.APP_ROLE;
import static org.creditledger.platform.database.DatabasePasswords.SUPERUSER;

/**
 * Who may log in to the embedded PostgreSQL: nobody without a password ({@code scram-sha-256} on every
 * {@code pg_hba.conf} line, loopback only), and the application as {@value DatabasePasswords#APP_ROLE}, a role that
 * owns the database, its schemas and every object in them but is no superuser.
 * <p>
 * Data directories made before this (initdb's {@code trust}, everything owned by {@code postgres}) are migrated on
 * start: passwords and the role first, then ownership, then {@code pg_hba.conf}. A crash between steps leaves
 * {@code trust} in place, so the next start simply runs every step again; each is idempotent.
 */
final class EmbeddedPostgresAccess {

    static final String AUTH_METHOD = "scram-sha-256";

    /** The whole {@code pg_hba.conf}: initdb's lines, each asking for a SCRAM password. */
    static final String HBA = """
            # Written by the ledger: every login needs a password (SCRAM); the server listens on loopback only.
            # Passwords: ledger-db.pgpass in this directory. TYPE DATABASE USER ADDRESS METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    /**
     * Hands the database, {@code public}, the projection rebuilds' {@code rebuild_*} schemas and everything in them to
     * the application role. Tables come before sequences: a table's new owner also gets its indexes and the sequences
     * of its serial columns, which cannot change owner on their own.
     */
    private static final String TRANSFER_OWNERSHIP = """
            DO $$
            DECLARE
                target oid := '%1$s'::regrole;
                r record;
            BEGIN
                EXECUTE format('ALTER DATABASE %%I OWNER TO %1$s', current_database());
                FOR r IN SELECT nspname FROM pg_namespace WHERE nspname = 'public' OR nspname LIKE 'rebuild\\_%%' LOOP
                    EXECUTE format('ALTER SCHEMA %%I OWNER TO %1$s', r.nspname);
                END LOOP;
                FOR r IN SELECT c.oid, c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE (n.nspname = 'public' OR n.nspname LIKE 'rebuild\\_%%') AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
                         ORDER BY c.relkind = 'S' LOOP
                    IF (SELECT relowner FROM pg_class WHERE oid = r.oid) <> target THEN
                        EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                            WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
                    END IF;
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS signature, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE (n.nspname = 'public' OR n.nspname LIKE 'rebuild\\_%%') AND p.proowner <> target LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE r.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, r.signature);
                END LOOP;
                FOR r IN SELECT t.oid::regtype AS name, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                         WHERE (n.nspname = 'public' OR n.nspname LIKE 'rebuild\\_%%') AND t.typowner <> target
                           AND (t.typtype IN ('e', 'd', 'r')
                                OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')) LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %1$s', CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.name);
                END LOOP;
                FOR r IN SELECT oid FROM pg_largeobject_metadata WHERE lomowner <> target LOOP
                    EXECUTE format('ALTER LARGE OBJECT %%s OWNER TO %1$s', r.oid);
                END LOOP;
            END
            $$""".formatted(APP_ROLE);

    private EmbeddedPostgresAccess() {
    }

    /** Whether any {@code pg_hba.conf} line lets a client in without a password, as initdb's default did. */
    static boolean trustsClients(Path dataDir) {
        try {
            return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read pg_hba.conf in " + dataDir, e);
        }
    }

    /**
     * As the superuser: sets both passwords (hashed with SCRAM by the driver, so no plain password reaches the
     * server or its log), creates the application role and gives it the database and everything in it.
     */
    static void secure(DataSource superuser, DatabasePasswords passwords) {
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        DO $$ BEGIN
                            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
                        END $$""".formatted(APP_ROLE));
                statement.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
                PGConnection pg = connection.unwrap(PGConnection.class);
                pg.alterUserPassword(SUPERUSER, passwords.superuser().toCharArray(), AUTH_METHOD);
                pg.alterUserPassword(APP_ROLE, passwords.app().toCharArray(), AUTH_METHOD);
                statement.execute(TRANSFER_OWNERSHIP);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the embedded database's roles: " + e.getMessage(), e);
        }
    }

    /** Replaces {@code pg_hba.conf} (owner-only, atomically) and makes the running server read it. */
    static void requirePasswords(Path dataDir, DataSource superuser) {
        Path hba = dataDir.resolve("pg_hba.conf");
        Path partial = dataDir.resolve("pg_hba.conf.partial");
        DatabasePasswords.writeOwnerOnly(partial, HBA);
        try {
            Files.move(partial, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not replace " + hba, e);
        }
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            try (var rules = statement.executeQuery(
                    "select count(*) from pg_hba_file_rules where error is not null or auth_method <> '" + AUTH_METHOD + "'")) {
                rules.next();
                if (rules.getLong(1) != 0) {
                    throw new IllegalStateException("PostgreSQL does not accept the pg_hba.conf written in " + dataDir);
                }
            }
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload pg_hba.conf: " + e.getMessage(), e);
        }
    }
}
