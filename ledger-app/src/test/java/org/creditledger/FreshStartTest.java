package org.creditledger;

import org.creditledger.platform.database.EmbeddedPostgresServer;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user's first start: empty data directory, bootstrap admin key and demo data from configuration. */
class FreshStartTest {

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start() {
        // Command-line arguments outrank the data directory that surefire sets for the shared test database.
        // Command-line arguments outrank the data directory surefire sets for the shared test database.
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.data-dir=" + dataDir, "--ledger.embedded.clean-start=false", "--server.port=0",
                        "--ledger.demo=true", "--ledger.bootstrap-admin-key=first-admin-secret-of-30-chars");
    }

    @Test
    void firstStartCreatesTheAdminKeyAndTheDemoUnitsOnce() {
        try (ConfigurableApplicationContext first = start()) {
            Api api = Api.at(port(first));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(api.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
            assertThat(jdbc.sql("select count(*) from known_unit").query(Long.class).single())
                    .as("32 units with a 2025 target and 11 without").isEqualTo(43);
            assertThat(jdbc.sql("select unit_id from api_key where role = 'COUNTER'").query(String.class).single())
                    .as("the demo counter is the service hall's").isEqualTo("gy-zwfw");
            assertThat(jdbc.sql("select count(*) from known_list").query(Long.class).single()).as("demo catalogue lists").isEqualTo(9);
            assertThat(api.as("first-admin-secret-of-30-chars").get("/api/v1/lists").json().findValues("criteria"))
                    .as("every demo list publishes its 认定标准").hasSize(9).allSatisfy(criteria -> assertThat(criteria.asText()).isNotBlank());
            assertThat(api.as("first-admin-secret-of-30-chars").get("/api/v1/measures?domain=CONSUMPTION").json().findValuesAsText("measureCode"))
                    .contains("RESTRICT_HIGH_CONSUMPTION");
            assertThat(jdbc.sql("select role from api_key order by role").query(String.class).list())
                    .as("the bootstrap ADMIN key and one demo key per role")
                    .containsExactly("ADMIN", "ADMIN", "COUNTER", "INSPECTOR", "LIST_AUTHORITY", "MONITOR", "UNIT_CLERK");
            assertThat(jdbc.sql("""
                            select count(*) from domain_event_entry where payload_type like '%ApiKeyIssuedEvent'
                            and convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' = 'system'""").query(Long.class).single())
                    .as("the bootstrap and demo keys are recorded as issued by the ledger itself").isEqualTo(7);
            Api.Response save = api.as("first-admin-secret-of-30-chars").put("/api/v1/units/gy-education", Map.of("name", "市教育局", "kind", "MUNICIPAL_DEPARTMENT"));
            assertThat(save.status()).as("the bootstrap key is an ADMIN key; the unit exists already").isEqualTo(200);
            assertThat(api.as("wrong-secret").put("/api/v1/units/gy-education", Map.of("name", "x", "kind", "OTHER")).status()).isEqualTo(401);
        }
        EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        try (ConfigurableApplicationContext again = start()) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from api_key").query(Long.class).single()).as("no second set of keys").isEqualTo(7);
            assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%UnitRegisteredEvent'").query(Long.class).single())
                    .as("units not registered twice").isEqualTo(43);
            assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%ListDefinedEvent'").query(Long.class).single())
                    .as("demo lists not defined twice").isEqualTo(9);
        } finally {
            EmbeddedPostgresServer.stop(dataDir.toAbsolutePath().normalize());
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
