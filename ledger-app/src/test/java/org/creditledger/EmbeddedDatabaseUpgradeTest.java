package org.creditledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A data directory written by a ledger from before database passwords (initdb's trust, every table owned by the
 * superuser) is migrated on the first start of this one: the ledger keeps its data and keeps working, as a role that
 * is no superuser, and the database then refuses logins without a password.
 */
class EmbeddedDatabaseUpgradeTest {

    @TempDir
    Path parent;

    @Test
    void aLedgerStartedTheOldWayKeepsItsDataAndWorksAsANonSuperuser() throws Exception {
        Path dataDir = parent.resolve("data").toAbsolutePath().normalize();
        String admin;
        String commitmentId;
        // The previous code: zonky's defaults on the data directory, the application logged in as postgres.
        Files.createDirectories(dataDir);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200").start();
             ConfigurableApplicationContext before = new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0",
                     "--spring.datasource.url=jdbc:postgresql://localhost:" + old.getPort() + "/postgres",
                     "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            DriverManager.getConnection("jdbc:postgresql://localhost:" + old.getPort() + "/postgres", "postgres", null).close();
            Api api = Api.at(port(before));
            admin = new TestKeys(before.getBean(ApiKeys.class)).admin();
            assertThat(api.as(admin).put("/api/v1/units/gy-water", Map.of("name", "市水利局", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
            Api.Response posted = api.as(admin).post("/api/v1/commitments", Map.of("unitId", "gy-water", "type", "INDUSTRY_SELF_DISCIPLINE",
                    "subject", Map.of("kind", "LEGAL_PERSON", "code", "91110108MA01R7K44D", "name", "广元市某某水务有限公司"),
                    "matter", "取水许可", "content", "承诺按许可取水", "signedOn", "2025-06-01"));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            commitmentId = posted.json().path("commitmentId").asText();
            assertThat(before.getBean(JdbcClient.class).sql("select rolsuper from pg_roles where rolname = current_user")
                    .query(Boolean.class).single()).as("the old way ran as superuser").isTrue();
        }

        try (ConfigurableApplicationContext after = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.data-dir=" + dataDir, "--ledger.embedded.clean-start=false", "--server.port=0")) {
            Api api = Api.at(port(after)).as(admin);
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            Api.Response read = api.get("/api/v1/commitments/" + commitmentId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("unitId").asText()).isEqualTo("gy-water");
            assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("ledger");

            // Writes, and a rebuild (it drops, moves and alters tables the old code created as postgres), still work.
            assertThat(api.put("/api/v1/units/gy-health", Map.of("name", "市卫生健康委", "kind", "MUNICIPAL_DEPARTMENT")).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/admin/projections/quota/rebuild", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get("/api/v1/admin/projections/quota/rebuild").json().path("state").asText(), "DONE"::equals);

            int port = EmbeddedPostgresServer.startOrReuse(dataDir, false).port();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null))
                    .as("no more passwordless logins").isInstanceOf(SQLException.class);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("ledger-db.pgpass")))).isEqualTo("rw-------");
        } finally {
            EmbeddedPostgresServer.stop(dataDir);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
