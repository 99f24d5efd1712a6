package org.creditledger.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database lets nobody in without a password, and the application in as a role that is no superuser. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path parent;

    Path dataDir() {
        return parent.resolve("data").toAbsolutePath().normalize();
    }

    @AfterEach
    void stop() {
        EmbeddedPostgresServer.stop(dataDir());
    }

    @Test
    void aNewDatabaseRefusesLoginsWithoutThePassword() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(dataDir(), false);

        assertLoginRefused(server, "postgres");
        assertLoginRefused(server, "ledger");
        assertThat(Files.exists(dataDir().resolve(".s.PGSQL." + server.port()))).as("no Unix socket").isFalse();
        assertThat(hbaMethods(dataDir())).containsOnly("scram-sha-256");
    }

    @Test
    void theApplicationLogsInAsTheOwnerOfItsDatabaseButNoSuperuser() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(dataDir(), false);

        JdbcClient app = as(server, server.username(), server.password());
        assertThat(app.sql("select current_user").query(String.class).single()).isEqualTo("ledger");
        assertThat(app.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(app.sql("select pg_get_userbyid(datdba) from pg_database where datname = current_database()")
                .query(String.class).single()).isEqualTo("ledger");
        app.sql("create schema rebuild_probe").update();
        app.sql("create table rebuild_probe.t (id serial primary key)").update();
        app.sql("alter table rebuild_probe.t set schema public").update();
        assertThat(app.sql("select pg_get_userbyid(relowner) from pg_class where relname = 't'").query(String.class).single())
                .isEqualTo("ledger");
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnlyAndSurvivesARestart() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrReuse(dataDir(), false);
        Path file = first.passwordFile();
        assertThat(file.getParent()).isEqualTo(dataDir());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        assertThat(Files.readString(file)).contains("localhost:*:*:ledger:" + first.password()).contains(":postgres:");
        String text = Files.readString(file);

        EmbeddedPostgresServer.stop(dataDir());
        EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrReuse(dataDir(), false);

        assertThat(second.password()).isEqualTo(first.password());
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(as(second, "ledger", second.password()).sql("select 1").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDataDirectoryMadeWithTrustIsMigratedOnceOnStart() throws Exception {
        try (EmbeddedPostgres old = oldStyle(dataDir())) {
            JdbcClient postgres = JdbcClient.create(old.getPostgresDatabase());
            postgres.sql("create table commitment_view (id bigserial primary key, note text)").update();
            postgres.sql("insert into commitment_view (note) values ('kept')").update();
            postgres.sql("create sequence domain_event_entry_seq").update();
            postgres.sql("create function answer() returns int language sql as 'select 42'").update();
            postgres.sql("create schema rebuild_quota").update();
            postgres.sql("create table rebuild_quota.quota_day (day date)").update();
        }
        assertThat(hbaMethods(dataDir())).contains("trust");

        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(dataDir(), false);

        assertLoginRefused(server, "postgres");
        assertLoginRefused(server, "ledger");
        assertThat(hbaMethods(dataDir())).containsOnly("scram-sha-256");
        JdbcClient app = as(server, server.username(), server.password());
        assertThat(app.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(app.sql("select note from commitment_view").query(String.class).list()).containsExactly("kept");
        assertThat(app.sql("""
                select pg_get_userbyid(relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('public', 'rebuild_quota') and c.relkind in ('r', 'S', 'i')""").query(String.class).list())
                .hasSize(5).containsOnly("ledger");
        assertThat(app.sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname in ('public', 'rebuild_quota')")
                .query(String.class).list()).containsOnly("ledger");
        assertThat(app.sql("select answer()").query(Integer.class).single()).isEqualTo(42);
        app.sql("alter table commitment_view add column extra int").update();
        app.sql("drop schema rebuild_quota cascade").update();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile()))).isEqualTo("rw-------");

        String hba = Files.readString(dataDir().resolve("pg_hba.conf"));
        String passwords = Files.readString(server.passwordFile());
        EmbeddedPostgresServer.stop(dataDir());
        EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrReuse(dataDir(), false);
        assertThat(Files.readString(dataDir().resolve("pg_hba.conf"))).as("a second start changes nothing").isEqualTo(hba);
        assertThat(Files.readString(again.passwordFile())).isEqualTo(passwords);
        assertThat(as(again, "ledger", again.password()).sql("select count(*) from commitment_view").query(Long.class).single())
                .isEqualTo(1);
    }

    /** How the ledger started its embedded database before passwords: zonky's defaults, initdb's trust. */
    static EmbeddedPostgres oldStyle(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200").start();
    }

    static void assertLoginRefused(EmbeddedPostgresServer server, String user) {
        String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
        Properties noPassword = new Properties();
        noPassword.setProperty("user", user);
        assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close())
                .as(user + " without a password").isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, "guessed").close())
                .as(user + " with a wrong password").isInstanceOfSatisfying(SQLException.class, e ->
                        assertThat(e.getSQLState()).as("invalid_password").isEqualTo("28P01"));
    }

    static JdbcClient as(EmbeddedPostgresServer server, String user, String password) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres", user, password);
            return JdbcClient.create(new SingleConnectionDataSource(connection, true));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> hbaMethods(Path dataDir) throws Exception {
        return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).map(fields -> fields[fields.length - 1]).toList();
    }
}
